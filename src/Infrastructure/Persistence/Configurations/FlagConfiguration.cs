using CleanApp.Domain.Articles;
using CleanApp.Domain.Moderation;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

public sealed class FlagConfiguration : IEntityTypeConfiguration<Flag>
{
    public void Configure(EntityTypeBuilder<Flag> builder)
    {
        builder.ToTable("Flags");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedOnAdd();
        builder.Property(f => f.Reason).HasMaxLength(UserConstraints.ReasonMaxLength).IsRequired();
        builder.Property(f => f.Resolution).HasMaxLength(UserConstraints.ReasonMaxLength);

        // The moderators' queue: open flags, oldest first.
        builder.HasIndex(f => new { f.Status, f.CreatedAt });

        // One open flag per user and target; the index decides between two concurrent flags. Two partial indexes because
        // SQLite treats NULLs in a unique index as distinct and SQL Server as equal. Unquoted names read the same on both.
        builder
            .HasIndex(f => new { f.ReporterId, f.ArticleId })
            .IsUnique()
            .HasFilter("CommentId IS NULL AND Status = 0")
            .HasDatabaseName("IX_Flags_OpenOnArticle");
        builder
            .HasIndex(f => new { f.ReporterId, f.CommentId })
            .IsUnique()
            .HasFilter("CommentId IS NOT NULL AND Status = 0")
            .HasDatabaseName("IX_Flags_OpenOnComment");
        builder.HasIndex(f => f.CommentId);

        // Flags go with their article (comment flags too: they name the comment's article). Users restrict (ArticleConfiguration).
        builder.HasOne<Article>(f => f.Article).WithMany().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>(f => f.Reporter).WithMany().HasForeignKey(f => f.ReporterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.ResolvedById).OnDelete(DeleteBehavior.Restrict);
    }
}
