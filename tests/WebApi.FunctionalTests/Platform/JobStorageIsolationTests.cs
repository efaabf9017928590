using CleanApp.WebApi.FunctionalTests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Platform;

/// <summary>
/// Hangfire keeps process-wide statics (<c>JobStorage.Current</c>, <c>GlobalConfiguration</c>); CleanApp registers the
/// storage per host and hands it to the server, client and dashboard, so hosts side by side in one process (parallel
/// tests) never see each other's jobs.
/// </summary>
public sealed class JobStorageIsolationTests
{
    [Test]
    public async Task Two_hosts_in_one_process_each_use_their_own_storage_and_never_the_static_one()
    {
        using var first = new CleanAppFactory();
        using var second = new CleanAppFactory();
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        await firstClient.RegisterAsync("isolated");
        await HangfireJobs.WaitForFinishedAsync(first.Services, 1, "email.welcome");

        Assert.Multiple(() =>
        {
            Assert.That(first.Services.GetRequiredService<JobStorage>(), Is.Not.SameAs(second.Services.GetRequiredService<JobStorage>()));
            Assert.That(HangfireJobs.OfKinds(second.Services, "email.welcome"), Is.Empty, "the second host saw nothing of the first's job");
            Assert.Throws<InvalidOperationException>(() => _ = JobStorage.Current, "JobStorage.Current is never set");
        });
    }
}
