using CleanApp.Infrastructure.Jobs.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CleanApp.Infrastructure.Jobs.Monitoring;

/// <summary>
/// The dashboard's filters by kind and by queue page by key like the unfiltered lists, so they stay fast with a million
/// rows in one state (docs/dashboard.md, "Performance"). Kept apart from the engine's configuration: these indexes
/// serve reads only, and cost each state change two extra index updates.
/// </summary>
public sealed class JobRecordDashboardIndexes : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder
            .HasIndex(j => new
            {
                j.State,
                j.Kind,
                j.StateChangedAt,
                j.Id,
            })
            .HasDatabaseName("IX_Jobs_Dashboard_State_Kind");
        builder
            .HasIndex(j => new
            {
                j.State,
                j.Queue,
                j.StateChangedAt,
                j.Id,
            })
            .HasDatabaseName("IX_Jobs_Dashboard_State_Queue");
    }
}
