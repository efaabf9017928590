using CleanApp.Domain.Articles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

public sealed class ArticleTagConfiguration : IEntityTypeConfiguration<ArticleTag>
{
    public void Configure(EntityTypeBuilder<ArticleTag> builder)
    {
        builder.ToTable("ArticleTags");
        builder.HasKey(t => new { t.ArticleId, t.Name });
        builder.Property(t => t.Name).HasMaxLength(ArticleConstraints.TagMaxLength).IsRequired();

        // The ?tag= filter and GET /api/tags (distinct names) both read by name.
        builder.HasIndex(t => new { t.Name, t.ArticleId });
    }
}
