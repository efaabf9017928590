using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Jobs.Monitoring;
using CleanApp.Infrastructure.IntegrationTests.Jobs;
using CleanApp.Infrastructure.Jobs.Monitoring;
using CleanApp.Infrastructure.Jobs.Storage;
using CleanApp.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Infrastructure.IntegrationTests.Dashboard;

/// <summary>The dashboard's read side on a real SQLite file: keyset paging both ways, filters, search, redaction, statistics.</summary>
public sealed class JobMonitoringApiTests
{
    private JobTestEnvironment _environment = null!;
    private JobNode _node = null!;
    private List<JobRecord> _failed = null!;

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        _environment = new JobTestEnvironment();
        _node = await _environment.StartNodeAsync(serverEnabled: false);
        var start = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        _failed = Enumerable
            .Range(0, 57)
            .Select(i => new JobRecord
            {
                Id = Guid.CreateVersion7(start.AddSeconds(i)).ToString("N"),
                Kind = i % 3 == 0 ? "kind.a" : "kind.b",
                Queue = i % 2 == 0 ? "default" : "email",
                State = JobState.Failed,
                Payload = $$$"""{"n":{{{i}}},"password":"p{{{i}}}","nested":{"Token":"t"}}""",
                // Several jobs share a timestamp, so the id must break ties for paging to be exact.
                StateChangedAt = start.AddSeconds(i / 4),
                CreatedAt = start,
                RunAt = start,
                LastExceptionType = i % 5 == 0 ? "System.TimeoutException" : "System.IO.IOException",
                LastExceptionMessage = $"failure {i}",
            })
            .ToList();

        using var scope = _node.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.Jobs.AddRange(_failed);
        db.JobStatistics.Add(
            new JobStatisticRecord
            {
                Key = JobCounterKeys.Succeeded,
                Period = JobStatisticPeriod.Total,
                BucketStart = JobStatisticRecord.TotalBucket,
                Value = 40,
            }
        );
        db.JobCounters.Add(
            new JobCounterRecord
            {
                Key = JobCounterKeys.Succeeded,
                Value = 2,
                CreatedAt = DateTime.UtcNow,
            }
        );
        await db.SaveChangesAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _node.DisposeAsync();
        await _environment.DisposeAsync();
    }

    [Test]
    public async Task Paging_forward_then_backward_visits_every_job_once_in_order()
    {
        var expected = _failed
            .OrderByDescending(j => j.StateChangedAt)
            .ThenByDescending(j => j.Id, StringComparer.Ordinal)
            .Select(j => j.Id)
            .ToList();
        var pages = new List<JobPageDto>();
        var page = await QueryAsync(new JobListQuery { State = JobState.Failed, PageSize = 10 });
        pages.Add(page);
        while (page.NextCursor is not null)
        {
            page = await QueryAsync(
                new JobListQuery
                {
                    State = JobState.Failed,
                    PageSize = 10,
                    After = page.NextCursor,
                }
            );
            pages.Add(page);
        }

        Assert.That(pages.SelectMany(p => p.Items).Select(j => j.Id), Is.EqualTo(expected));
        Assert.That(pages, Has.Count.EqualTo(6));
        Assert.That(pages[0].PreviousCursor, Is.Null);
        Assert.That(pages[0].Count, Is.EqualTo(new CappedCount(57, false)));

        // Back from the last page to the first.
        var back = new List<JobPageDto> { pages[^1] };
        while (back[^1].PreviousCursor is { } previous)
        {
            back.Add(
                await QueryAsync(
                    new JobListQuery
                    {
                        State = JobState.Failed,
                        PageSize = 10,
                        Before = previous,
                    }
                )
            );
        }

        Assert.That(Enumerable.Reverse(back).SelectMany(p => p.Items).Select(j => j.Id), Is.EqualTo(expected));
    }

    [Test]
    public async Task Filters_combine_kind_queue_date_range_and_text()
    {
        var start = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var page = await QueryAsync(
            new JobListQuery
            {
                State = JobState.Failed,
                Kind = "kind.a",
                Queue = "default",
                From = start.AddSeconds(2),
                To = start.AddSeconds(10),
                Search = "Timeout",
                PageSize = 100,
            }
        );

        var expected = _failed.Where(j =>
            j.Kind == "kind.a"
            && j.Queue == "default"
            && j.StateChangedAt >= start.AddSeconds(2)
            && j.StateChangedAt < start.AddSeconds(10)
            && j.LastExceptionType!.Contains("Timeout", StringComparison.Ordinal)
        );
        Assert.That(page.Items.Select(j => j.Id), Is.EquivalentTo(expected.Select(j => j.Id)));
        Assert.That(page.Items, Is.Not.Empty);

        var byId = await QueryAsync(new JobListQuery { State = JobState.Failed, Search = _failed[7].Id });
        Assert.That(byId.Items.Select(j => j.Id), Is.EqualTo(new[] { _failed[7].Id }));
        var arguments = await QueryAsync(new JobListQuery { State = JobState.Failed, Search = "p12" });
        Assert.That(arguments.Items, Is.Empty, "arguments are never searched: redacted values must not be discoverable");
    }

    [Test]
    public async Task Details_redact_configured_and_builtin_names_at_any_depth()
    {
        using var scope = _node.Services.CreateScope();
        var details = await scope
            .ServiceProvider.GetRequiredService<IJobMonitoringApi>()
            .GetJobDetailsAsync(_failed[3].Id, CancellationToken.None);

        Assert.That(details!.Arguments, Does.Contain("\"n\": 3").And.Not.Contain("p3").And.Not.Contain("\"t\""));
        Assert.That(details.Arguments, Does.Contain(JobDashboardOptions.RedactedMarker));
        Assert.That(
            new ArgumentRedactor(["iban"]).Redact("""{"Iban":"DE00","list":[{"iban":"x"}]}"""),
            Does.Not.Contain("DE00").And.Not.Contain("\"x\"")
        );
        Assert.That(new ArgumentRedactor([]).Redact("not json"), Does.Contain("not valid JSON").And.Not.Contain("not json"));
    }

    [Test]
    public async Task Statistics_come_from_counters_and_counts_are_per_state()
    {
        using var scope = _node.Services.CreateScope();
        var monitoring = scope.ServiceProvider.GetRequiredService<IJobMonitoringApi>();
        var stats = await monitoring.GetStatisticsAsync(CancellationToken.None);
        var hourly = await monitoring.GetHourlyHistoryAsync(24, CancellationToken.None);

        Assert.That(stats.SucceededTotal, Is.EqualTo(42), "aggregated total + pending counter rows");
        Assert.That(stats.States[JobState.Failed], Is.EqualTo(new CappedCount(57, false)));
        Assert.That(hourly, Has.Count.EqualTo(24));
        Assert.That(hourly[^1].Succeeded, Is.EqualTo(2), "the pending counter row lands in the current hour");
    }

    [TestCase("* * * * *", "Every minute")]
    [TestCase("*/5 * * * *", "Every 5 minutes")]
    [TestCase("15 * * * *", "Every hour at minute 15")]
    [TestCase("30 3 * * *", "At 03:30 every day")]
    [TestCase("0 9 * * 1", "At 09:00 every Monday")]
    [TestCase("0 9 * * 1-5", "At 09:00 on weekdays")]
    [TestCase("0 0 1 * *", "At 00:00 on day 1 of every month")]
    [TestCase("0 */6 * * *", "Every 6 hours")]
    [TestCase("*/10 * * * * *", "Every 10 seconds")]
    [TestCase("5 4 1-7 * 0", "5 4 1-7 * 0")]
    public void Cron_is_described_in_words(string cron, string text) => Assert.That(CronDescriber.Describe(cron), Is.EqualTo(text));

    private async Task<JobPageDto> QueryAsync(JobListQuery query)
    {
        using var scope = _node.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IJobMonitoringApi>().GetJobsAsync(query, CancellationToken.None);
    }
}
