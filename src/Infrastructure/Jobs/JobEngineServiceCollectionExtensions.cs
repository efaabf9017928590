using System.Reflection;
using CleanApp.Application.Common.Jobs;
using MediatR;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CleanApp.Infrastructure.Jobs;

public static class JobEngineServiceCollectionExtensions
{
    /// <summary>
    /// The job engine: client, recurring manager, kind registry (Application's commands), and — when
    /// <c>Jobs:Enabled</c> is true (the default) — the server as a hosted service. Called from AddInfrastructureServices.
    /// </summary>
    public static IServiceCollection AddJobEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(JobEngineOptions.SectionName);
        services.Configure<JobEngineOptions>(section);
        var enabled = section.GetValue(nameof(JobEngineOptions.Enabled), defaultValue: true);

        services.TryAddSingleton(TimeProvider.System);
        services.AddJobKindsFrom(typeof(IBackgroundJobClient).Assembly, registerHandlers: false);
        services.AddSingleton<JobKindRegistry>();
        services.AddSingleton<IJobKindRegistry>(sp => sp.GetRequiredService<JobKindRegistry>());
        services.AddSingleton<JobWakeUpSignal>();
        services.AddSingleton<JobTransitions>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<RecurringJobScheduler>();
        services.AddSingleton<JobClaimer>();
        services.AddSingleton<JobMaintenance>();

        services.AddScoped<JobEnqueueTracker>();
        services.AddScoped<ISaveChangesInterceptor, JobEnqueuedInterceptor>();
        services.AddScoped<IDbTransactionInterceptor, JobCommitInterceptor>();
        services.AddScoped<JobExecutionContext>();
        services.AddScoped<IJobExecutionContext>(sp => sp.GetRequiredService<JobExecutionContext>());
        services.AddScoped<IBackgroundJobClient, BackgroundJobClient>();
        services.AddScoped<IRecurringJobManager, RecurringJobManager>();

        if (enabled)
        {
            services.AddSingleton<JobServer>();
            services.AddHostedService(sp => sp.GetRequiredService<JobServer>());
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
}
