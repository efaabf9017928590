using CleanApp.Application.Common.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// A job staged in the application's database (table <c>JobOutbox</c>) in the same <c>SaveChanges</c> as the change that
/// caused it, and handed to Hangfire after the commit by <see cref="JobOutboxRelay"/>. The row is deleted once Hangfire
/// holds the job; a claim (token + expiry) lets one relayer at a time work on it.
/// </summary>
public sealed class JobOutboxEntry
{
    public const int IdLength = 32;

    /// <summary>UUIDv7, 32 hex digits: the id <see cref="IJobScheduler"/> returns.</summary>
    public string Id { get; set; } = default!;

    public string Kind { get; set; } = default!;

    public string Payload { get; set; } = default!;

    public string? Queue { get; set; }

    public int? Attempts { get; set; }

    public RetriesExhausted? OnAttemptsExceeded { get; set; }

    /// <summary>Scheduled jobs: when to enqueue (UTC).</summary>
    public DateTime? RunAt { get; set; }

    /// <summary>Continuations: the parent's id as <see cref="IJobScheduler"/> returned it.</summary>
    public string? ParentId { get; set; }

    public ContinuationCondition? ContinuationOption { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? ClaimToken { get; set; }

    public DateTime? ClaimedUntil { get; set; }
}

public sealed class JobOutboxEntryConfiguration : IEntityTypeConfiguration<JobOutboxEntry>
{
    public void Configure(EntityTypeBuilder<JobOutboxEntry> builder)
    {
        builder.ToTable("JobOutbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(JobOutboxEntry.IdLength).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Payload).IsRequired();
        builder.Property(e => e.Queue).HasMaxLength(100);
        builder.Property(e => e.ParentId).HasMaxLength(64);
        builder.Property(e => e.ClaimToken).HasMaxLength(JobOutboxEntry.IdLength);
        builder.HasIndex(e => e.CreatedAt);
    }
}
