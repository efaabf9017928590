using CleanApp.Domain.Articles;
using CleanApp.Domain.Comments;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

public sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("Comments");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Body).HasMaxLength(ArticleConstraints.CommentBodyMaxLength).IsRequired();
        builder.Ignore(c => c.DomainEvents);

        // An article's comments, in order.
        builder.HasIndex(c => new { c.ArticleId, c.CreatedAt });
        builder.HasIndex(c => c.AuthorId);

        // The site reports' comments per day (ADR 0042).
        builder.HasIndex(c => c.CreatedAt);

        // Deleting an article deletes its comments; users restrict (see ArticleConfiguration).
        builder.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
