using CleanApp.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Auditing;

public sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedOnAdd();
        builder.Property(a => a.Actor).HasMaxLength(AuditLogEntry.ActorMaxLength).IsRequired();
        builder.Property(a => a.Action).HasMaxLength(AuditLogEntry.ActionMaxLength).IsRequired();
        builder.Property(a => a.Target).HasMaxLength(AuditLogEntry.TargetMaxLength).IsRequired();
        builder.Property(a => a.Outcome).HasMaxLength(AuditLogEntry.OutcomeMaxLength).IsRequired();
        builder.Property(a => a.Reason).HasMaxLength(AuditLogEntry.ReasonMaxLength);
        builder.HasIndex(a => a.At);
    }
}
