using CleanApp.Domain.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Persistence.Configurations;

public sealed class SiteExportConfiguration : IEntityTypeConfiguration<SiteExport>
{
    public void Configure(EntityTypeBuilder<SiteExport> builder)
    {
        builder.ToTable("SiteExports");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Format).HasMaxLength(8).IsRequired();
        builder.Property(e => e.RequesterRole).HasMaxLength(32).IsRequired();

        // The cleanup job's range scan.
        builder.HasIndex(e => e.ExpiresAt);
    }
}
