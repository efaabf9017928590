using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Jobs.Storage;

/// <summary>Column lengths shared by the configurations and the engine (values are truncated to fit).</summary>
public static class JobColumnLengths
{
    public const int Id = 36;
    public const int Kind = 200;
    public const int Queue = 100;
    public const int Key = 300;
    public const int ServerId = 200;
    public const int Reason = 500;
    public const int ExceptionType = 400;
    public const int ExceptionMessage = 2000;
    public const int ExceptionDetails = 16000;
    public const int Cron = 100;
    public const int TimeZone = 100;
}

public sealed class JobRecordConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder.ToTable("Jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).HasMaxLength(JobColumnLengths.Id).ValueGeneratedNever();
        builder.Property(j => j.Kind).HasMaxLength(JobColumnLengths.Kind).IsRequired();
        builder.Property(j => j.Queue).HasMaxLength(JobColumnLengths.Queue).IsRequired();
        builder.Property(j => j.Payload).IsRequired();
        builder.Property(j => j.IdempotencyKey).HasMaxLength(JobColumnLengths.Key);
        builder.Property(j => j.RecurringJobId).HasMaxLength(JobColumnLengths.Kind);
        builder.Property(j => j.OccurrenceKey).HasMaxLength(JobColumnLengths.Key);
        builder.Property(j => j.ParentId).HasMaxLength(JobColumnLengths.Id);
        builder.Property(j => j.LeaseToken).HasMaxLength(JobColumnLengths.Id);
        builder.Property(j => j.LeaseOwner).HasMaxLength(JobColumnLengths.ServerId);
        builder.Property(j => j.WorkerId).HasMaxLength(JobColumnLengths.ServerId);
        builder.Property(j => j.StateReason).HasMaxLength(JobColumnLengths.Reason);
        builder.Property(j => j.LastExceptionType).HasMaxLength(JobColumnLengths.ExceptionType);
        builder.Property(j => j.LastExceptionMessage).HasMaxLength(JobColumnLengths.ExceptionMessage);
        builder.Property(j => j.Version).IsConcurrencyToken();

        // Every state change rewrites the entries of each index holding State or a time column, so the job table keeps
        // few full indexes and uses filtered (partial) ones where a query looks at one state or a rare column. Filters
        // use double-quoted identifiers, valid on SQLite and SQL Server.
        // The claim path: matches the claim's ORDER BY (priority first) and gives queue lengths per state.
        builder
            .HasIndex(j => new
            {
                j.State,
                j.Queue,
                j.Priority,
                j.RunAt,
                j.Id,
            })
            .IsDescending(false, false, true, false, false)
            .HasDatabaseName("IX_Jobs_Claim");
        builder.HasIndex(j => new
        {
            j.State,
            j.StateChangedAt,
            j.Id,
        }); // keyset paging per state (dashboard)
        builder.HasIndex(j => j.RunAt).HasDatabaseName("IX_Jobs_Scheduled_RunAt").HasFilter("\"State\" = 1"); // due scheduled jobs
        builder.HasIndex(j => j.LeaseExpiresAt).HasDatabaseName("IX_Jobs_Processing_LeaseExpiresAt").HasFilter("\"State\" = 3"); // reaper
        builder.HasIndex(j => j.ExpiresAt).HasFilter("\"ExpiresAt\" IS NOT NULL");
        builder.HasIndex(j => j.ParentId).HasFilter("\"ParentId\" IS NOT NULL");
        builder.HasIndex(j => j.IdempotencyKey).HasFilter("\"IdempotencyKey\" IS NOT NULL");
        builder.HasIndex(j => new { j.RecurringJobId, j.State }).HasFilter("\"RecurringJobId\" IS NOT NULL");
        builder.HasIndex(j => j.OccurrenceKey).IsUnique().HasFilter("\"OccurrenceKey\" IS NOT NULL");
    }
}

public sealed class JobHistoryEntryConfiguration : IEntityTypeConfiguration<JobHistoryEntry>
{
    public void Configure(EntityTypeBuilder<JobHistoryEntry> builder)
    {
        builder.ToTable("JobHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedOnAdd();
        builder.Property(h => h.JobId).HasMaxLength(JobColumnLengths.Id).IsRequired();
        builder.Property(h => h.Reason).HasMaxLength(JobColumnLengths.Reason);
        builder.Property(h => h.ServerId).HasMaxLength(JobColumnLengths.ServerId);
        builder.Property(h => h.WorkerId).HasMaxLength(JobColumnLengths.ServerId);
        builder.Property(h => h.ExceptionType).HasMaxLength(JobColumnLengths.ExceptionType);
        builder.Property(h => h.ExceptionMessage).HasMaxLength(JobColumnLengths.ExceptionMessage);
        builder.HasIndex(h => new { h.JobId, h.Id });
    }
}

public sealed class JobServerRecordConfiguration : IEntityTypeConfiguration<JobServerRecord>
{
    public void Configure(EntityTypeBuilder<JobServerRecord> builder)
    {
        builder.ToTable("JobServers");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(JobColumnLengths.ServerId).ValueGeneratedNever();
        builder.Property(s => s.HostName).HasMaxLength(JobColumnLengths.ServerId).IsRequired();
        builder.Property(s => s.Queues).HasMaxLength(2000).IsRequired();
        builder.HasIndex(s => s.HeartbeatAt);
    }
}

public sealed class JobQueueRecordConfiguration : IEntityTypeConfiguration<JobQueueRecord>
{
    public void Configure(EntityTypeBuilder<JobQueueRecord> builder)
    {
        builder.ToTable("JobQueues");
        builder.HasKey(q => q.Name);
        builder.Property(q => q.Name).HasMaxLength(JobColumnLengths.Queue).ValueGeneratedNever();
        builder.Property(q => q.ChangedBy).HasMaxLength(JobColumnLengths.ServerId);
    }
}

public sealed class RecurringJobRecordConfiguration : IEntityTypeConfiguration<RecurringJobRecord>
{
    public void Configure(EntityTypeBuilder<RecurringJobRecord> builder)
    {
        builder.ToTable("RecurringJobs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(JobColumnLengths.Kind).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasMaxLength(JobColumnLengths.Kind).IsRequired();
        builder.Property(r => r.Payload).IsRequired();
        builder.Property(r => r.Cron).HasMaxLength(JobColumnLengths.Cron).IsRequired();
        builder.Property(r => r.TimeZoneId).HasMaxLength(JobColumnLengths.TimeZone).IsRequired();
        builder.Property(r => r.Queue).HasMaxLength(JobColumnLengths.Queue).IsRequired();
        builder.Property(r => r.Error).HasMaxLength(JobColumnLengths.ExceptionMessage);
        builder.Property(r => r.LastJobId).HasMaxLength(JobColumnLengths.Id);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.NextExecution);
    }
}

public sealed class JobCounterRecordConfiguration : IEntityTypeConfiguration<JobCounterRecord>
{
    public void Configure(EntityTypeBuilder<JobCounterRecord> builder)
    {
        builder.ToTable("JobCounters");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Key).HasMaxLength(JobColumnLengths.Queue).IsRequired();
    }
}

public sealed class JobStatisticRecordConfiguration : IEntityTypeConfiguration<JobStatisticRecord>
{
    public void Configure(EntityTypeBuilder<JobStatisticRecord> builder)
    {
        builder.ToTable("JobStatistics");
        builder.HasKey(s => new
        {
            s.Key,
            s.Period,
            s.BucketStart,
        });
        builder.Property(s => s.Key).HasMaxLength(JobColumnLengths.Queue);
    }
}
