using System.Reflection;
using CleanApp.Application.Common.Jobs;
using CleanApp.Infrastructure.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using MediatR;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire with CleanApp's port, outbox and kinds. Everything Hangfire would take from its static
    /// <c>JobStorage.Current</c> / <c>GlobalConfiguration</c> (storage, activator, filter provider, client, recurring
    /// manager) is registered per host here, before <c>AddHangfire</c>, and handed to the server and dashboard explicitly,
    /// so two hosts in one process (parallel tests) never share a storage.
    /// </summary>
    public static IServiceCollection AddBackgroundJobs(
        this IServiceCollection services,
        IConfiguration configuration,
        DatabaseProvider databaseProvider,
        string? applicationConnectionString,
        string contentRoot,
        bool prepareSqlServerSchema
    )
    {
        var section = configuration.GetSection(JobsOptions.SectionName);
        services.Configure<JobsOptions>(section);
        var jobs = section.Get<JobsOptions>() ?? new JobsOptions();
        var storageKind = jobs.Storage
            ?? (databaseProvider == DatabaseProvider.SqlServer ? JobStorageKind.SqlServer : JobStorageKind.Sqlite);

        services.TryAddSingleton(TimeProvider.System);
        services.AddJobKindsFrom(typeof(IJobScheduler).Assembly, registerHandlers: false);
        services.AddSingleton<JobKindRegistry>();
        services.AddSingleton<JobKindFilterProvider>();
        services.AddSingleton<IJobFilterProvider>(sp => new JobFilterProviderCollection(
            JobFilterProviders.Providers,
            sp.GetRequiredService<JobKindFilterProvider>()
        ));
        switch (storageKind)
        {
            case JobStorageKind.Sqlite:
                var path = SqlitePath(jobs.Sqlite.Path, applicationConnectionString, contentRoot);
                services.AddSingleton(_ => SqliteJobStorage.Open(path, jobs.Sqlite));
                services.AddSingleton<JobStorage>(sp => sp.GetRequiredService<SqliteJobStorage>().Storage);
                break;
            case JobStorageKind.SqlServer:
                services.AddSingleton<JobStorage>(_ => new SqlServerStorage(
                    applicationConnectionString,
                    new SqlServerStorageOptions { SchemaName = jobs.SqlServer.Schema, PrepareSchemaIfNecessary = prepareSqlServerSchema }
                ));
                break;
            default:
                services.AddSingleton<JobStorage>(_ => new InMemoryStorage(new InMemoryStorageOptions()));
                break;
        }

        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton(sp => new BackgroundJobClient(
            sp.GetRequiredService<JobStorage>(),
            sp.GetRequiredService<IJobFilterProvider>()
        ));
        services.AddSingleton<IBackgroundJobClient>(sp => sp.GetRequiredService<BackgroundJobClient>());
        services.AddSingleton<IBackgroundJobClientV2>(sp => sp.GetRequiredService<BackgroundJobClient>());
        services.AddSingleton(sp => new RecurringJobManager(
            sp.GetRequiredService<JobStorage>(),
            sp.GetRequiredService<IJobFilterProvider>(),
            sp.GetRequiredService<ITimeZoneResolver>()
        ));
        services.AddSingleton<IRecurringJobManager>(sp => sp.GetRequiredService<RecurringJobManager>());
        services.AddSingleton<IRecurringJobManagerV2>(sp => sp.GetRequiredService<RecurringJobManager>());
        services.AddHangfire(_ => { });
        // AddHangfire's own configuration step would point the process-wide activator and log provider at this host; only
        // process-wide settings that are the same for every host are made here (Hangfire 1.8's recommended serialization).
        services.Replace(
            ServiceDescriptor.Singleton<IGlobalConfiguration>(sp =>
            {
                HangfireLogProvider.Attach(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());
                return GlobalConfiguration
                    .Configuration.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                    .UseSimpleAssemblyNameTypeSerializer()
                    .UseRecommendedSerializerSettings()
                    .UseLogProvider(HangfireLogProvider.Instance);
            })
        );
        OutboxMarker.Register();

        services.AddSingleton<JobOutboxRelay>();
        services.AddHostedService<JobOutboxRelayService>();
        services.AddScoped<JobOutboxInterceptor>();
        services.AddScoped<ISaveChangesInterceptor>(sp => sp.GetRequiredService<JobOutboxInterceptor>());
        services.AddScoped<IDbTransactionInterceptor>(sp => sp.GetRequiredService<JobOutboxInterceptor>());
        services.AddScoped<IJobScheduler, JobScheduler>();
        services.AddScoped<IRecurringJobs, RecurringJobs>();

        if (jobs.Enabled)
        {
            services.AddHangfireServer(
                (sp, server) =>
                {
                    var options = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
                    server.WorkerCount = Math.Max(1, options.Workers);
                    server.Queues = Queues(options, sp.GetRequiredService<JobKindRegistry>());
                    server.SchedulePollingInterval = options.SchedulePollingInterval;
                    if (!string.IsNullOrWhiteSpace(options.ServerName))
                    {
                        server.ServerName = options.ServerName;
                    }
                }
            );
        }

        return services;
    }

    /// <summary>
    /// Adds the job kinds ([BackgroundJob] commands) of another assembly, and with <paramref name="registerHandlers"/> its
    /// MediatR request handlers too (for assemblies outside Application, e.g. tests or modules).
    /// </summary>
    public static IServiceCollection AddJobKindsFrom(this IServiceCollection services, Assembly assembly, bool registerHandlers = true)
    {
        var descriptor = services.FirstOrDefault(d => d.ServiceType == typeof(JobKindAssemblies));
        if (descriptor?.ImplementationInstance is not JobKindAssemblies assemblies)
        {
            services.RemoveAll<JobKindAssemblies>();
            assemblies = new JobKindAssemblies();
            services.AddSingleton(assemblies);
        }

        if (!assemblies.Assemblies.Contains(assembly))
        {
            assemblies.Assemblies.Add(assembly);
        }

        if (registerHandlers)
        {
            foreach (
                var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            )
            {
                foreach (
                    var service in type.GetInterfaces()
                        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
                )
                {
                    services.TryAddEnumerable(ServiceDescriptor.Transient(service, type));
                }
            }
        }

        return services;
    }

    private static string[] Queues(JobsOptions options, JobKindRegistry kinds) =>
        options.Queues.Count > 0
            ? [.. options.Queues.Distinct(StringComparer.Ordinal)]
            :
            [
                .. kinds
                    .Kinds.Select(k => k.Defaults.Queue)
                    .Where(q => q != JobOptions.DefaultQueue)
                    .Distinct()
                    .Order(StringComparer.Ordinal),
                JobOptions.DefaultQueue,
            ];

    private static string SqlitePath(string? configured, string? applicationConnectionString, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(Path.Combine(contentRoot, configured));
        }

        var application = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(applicationConnectionString).DataSource;
        if (string.IsNullOrEmpty(application) || application == ":memory:")
        {
            return Path.Combine(contentRoot, "data", "hangfire.db");
        }

        var full = Path.GetFullPath(Path.Combine(contentRoot, application));
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".hangfire.db");
    }
}
