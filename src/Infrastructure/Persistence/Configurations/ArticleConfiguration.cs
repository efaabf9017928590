using CleanApp.Domain.Articles;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        // SQLite: the full-text index's AFTER triggers (ADR 0041) rule out RETURNING on this table; other providers ignore it.
        builder.ToTable("Articles", t => t.UseSqlReturningClause(false));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Slug).HasMaxLength(ArticleConstraints.SlugMaxLength).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(ArticleConstraints.TitleMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(ArticleConstraints.DescriptionMaxLength).IsRequired();
        builder.Property(a => a.Body).HasMaxLength(ArticleConstraints.BodyMaxLength).IsRequired();
        builder.Ignore(a => a.DomainEvents);
        builder.Ignore(a => a.TagList);
        builder.Ignore(a => a.Status);
        builder.Property(a => a.PublicationJobId).HasMaxLength(64);

        // The tags as one column for the full-text indexes (ADR 0041), kept by SearchTagsInterceptor.
        builder
            .Property<string>(Search.SearchTagsInterceptor.SearchTags)
            .HasMaxLength(Search.SearchTagsInterceptor.MaxLength)
            .IsRequired()
            .HasDefaultValue(string.Empty);

        // Every change stamps a later UpdatedAt (AuditableEntityInterceptor), so it doubles as the optimistic concurrency
        // token: the scheduled job publishing an article while its author reschedules it makes one of the two saves fail
        // (a 409 for the author, a retry for the job) instead of leaving it both published and scheduled (ADR 0040).
        builder.Property(a => a.UpdatedAt).IsConcurrencyToken();

        // Slugs are unique: concurrent creates of one title race on this index and the loser retries with a suffix.
        builder.HasIndex(a => a.Slug).IsUnique();

        // The identity events and job payloads use (known before the database assigns Id).
        builder.HasIndex(a => a.PublicId).IsUnique();

        // The lists' sort path (most recently published first, id as tie-break; drafts have no PublishedAt), the author
        // filter + sort path, and the site reports' articles published per day.
        builder.HasIndex(a => new { a.PublishedAt, a.Id });
        builder.HasIndex(a => new { a.AuthorId, a.PublishedAt });

        // Restrict, not cascade, from users: SQL Server refuses multiple cascade paths (user → article → comment and
        // user → comment). Removing an account removes its content explicitly.
        builder.HasOne<User>(a => a.Author).WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(a => a.Tags).WithOne().HasForeignKey(t => t.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
