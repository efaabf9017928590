using CleanApp.Domain.Users;
using CleanApp.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Username).HasMaxLength(UserConstraints.UsernameMaxLength).IsRequired();
        builder.Property(u => u.NormalizedUsername).HasMaxLength(UserConstraints.UsernameMaxLength).IsRequired();
        builder.HasIndex(u => u.NormalizedUsername).IsUnique();
        builder.Property(u => u.Bio).HasMaxLength(UserConstraints.BioMaxLength);
        builder.Property(u => u.Image).HasMaxLength(UserConstraints.ImageMaxLength);
        builder.Property(u => u.SuspensionReason).HasMaxLength(UserConstraints.ReasonMaxLength);
        builder.Ignore(u => u.DomainEvents);

        // The site reports' new accounts per day (ADR 0042).
        builder.HasIndex(u => u.CreatedAt);

        // The profile and the credential record share one id; deleting the account removes both.
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<User>(u => u.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
