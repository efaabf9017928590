using CleanApp.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CleanApp.WebApi.Common;

/// <summary>
/// Readiness: can we reach the database? Written by hand because HealthChecks.EntityFrameworkCore 8+ silently lifts EF
/// Core to another major (PACKAGES.md rule 3).
/// </summary>
public sealed class DatabaseHealthCheck(ApplicationDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("database reachable")
            : HealthCheckResult.Unhealthy("database unreachable");
}
