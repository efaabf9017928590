using CleanApp.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

/// <summary>
/// Identity's own <c>EmailIndex</c> is not unique, so two concurrent registrations could both pass Identity's check.
/// The database enforces it (on SQL Server the index is filtered to non-null emails).
/// </summary>
public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder) =>
        builder.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
}
