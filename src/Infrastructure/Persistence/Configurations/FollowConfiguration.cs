using CleanApp.Domain.Profiles;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

public sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.ToTable("Follows", t => t.HasCheckConstraint("CK_Follows_NotSelf", "FollowerId <> FolloweeId"));

        // (follower, followee) is the key: "following" lookups and the feed filter read it from the follower side.
        builder.HasKey(f => new { f.FollowerId, f.FolloweeId });
        builder.HasIndex(f => f.FolloweeId);

        // Two foreign keys to one table cannot both cascade on SQL Server.
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.FollowerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany(u => u.Followers).HasForeignKey(f => f.FolloweeId).OnDelete(DeleteBehavior.Restrict);
    }
}
