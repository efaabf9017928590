using CleanApp.Domain.Articles;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

public sealed class FavoriteConfiguration : IEntityTypeConfiguration<Favorite>
{
    public void Configure(EntityTypeBuilder<Favorite> builder)
    {
        builder.ToTable("Favorites");

        // The composite key makes "favorite" an insert-if-absent: a second insert of the pair is a unique violation.
        // It also serves favoritesCount (COUNT by article) and "favorited by the caller".
        builder.HasKey(f => new { f.ArticleId, f.UserId });

        // The ?favorited=<username> filter reads by user.
        builder.HasIndex(f => new { f.UserId, f.ArticleId });

        // The site reports' favorites per day (ADR 0042).
        builder.HasIndex(f => f.CreatedAt);

        builder.HasOne<Article>().WithMany(a => a.Favorites).HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
