using CleanApp.Infrastructure.IntegrationTests.Support;
using CleanApp.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Data.Sqlite;

namespace CleanApp.Infrastructure.IntegrationTests.Jobs;

/// <summary>The configuration around Hangfire.Storage.SQLite that ADR 0020 relies on.</summary>
public sealed class SqliteJobStoreTests
{
    private string _path = null!;

    [SetUp]
    public void NewFile() => _path = InfrastructureHost.NewDatabasePath().Replace(".db", ".hangfire.db", StringComparison.Ordinal);

    [TearDown]
    public void DeleteFiles()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Test]
    public void A_second_opener_of_the_same_file_is_refused_while_the_first_holds_it()
    {
        using (SqliteJobStorage.Open(_path, new SqliteJobsOptions()))
        {
            var error = Assert.Throws<InvalidOperationException>(() => SqliteJobStorage.Open(_path, new SqliteJobsOptions()));
            Assert.That(error!.Message, Does.Contain("one process per file"));
        }

        using var again = SqliteJobStorage.Open(_path, new SqliteJobsOptions());
        Assert.That(again.Storage, Is.Not.Null, "released with the first");
    }

    [Test]
    public void Jobs_a_dead_process_had_fetched_are_fetched_again_at_the_next_start()
    {
        string jobId;
        using (var store = SqliteJobStorage.Open(_path, new SqliteJobsOptions()))
        {
            jobId = new BackgroundJobClient(store.Storage).Create(Job.FromExpression(() => Console.WriteLine("x")), new EnqueuedState());
            using var connection = store.Storage.GetConnection();
            // Fetched and never acknowledged: what a process killed mid-job leaves behind.
            var fetched = connection.FetchNextJob(["default"], CancellationToken.None);
            Assert.That(fetched.JobId, Is.EqualTo(jobId));
        }

        using (var store = SqliteJobStorage.Open(_path, new SqliteJobsOptions()))
        {
            using var connection = store.Storage.GetConnection();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var fetched = connection.FetchNextJob(["default"], timeout.Token);
            Assert.That(fetched.JobId, Is.EqualTo(jobId), "not hidden for the 6 h invisibility timeout");
            fetched.RemoveFromQueue();
        }
    }

    [Test]
    public void EF_Core_and_the_job_store_use_one_native_SQLite()
    {
        using var store = SqliteJobStorage.Open(_path, new SqliteJobsOptions());
        using var native = new SQLite.SQLiteConnection(_path);
        var jobStoreVersion = native.ExecuteScalar<string>("SELECT sqlite_version()");
        using var ef = new SqliteConnection($"Data Source={_path};Pooling=False");
        ef.Open();
        using var command = ef.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        var efVersion = (string)command.ExecuteScalar()!;

        TestContext.Out.WriteLine($"SQLite {efVersion} (EF Core) / {jobStoreVersion} (sqlite-net)");
        Assert.That(jobStoreVersion, Is.EqualTo(efVersion));
    }
}
