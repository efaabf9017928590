using System.Reflection;
using CleanApp.Application.Common.Behaviours;
using CleanApp.Application.Common.Interfaces;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Validators and mapping profiles are registered by their libraries' own extensions; MediatR 5 is wired by hand (no
    /// DI package of that line restores, docs/decisions/0010-mediatr-fluentvalidation-wiring.md). Everything is discovered
    /// by scanning this assembly, so adding a use case is adding its files.
    /// </summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services)
    {
        var assembly = Assembly.GetExecutingAssembly();

        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : JsonName(member.Name);
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        RegisterClosedImplementations(services, assembly, typeof(IRequestHandler<,>));
        RegisterClosedImplementations(services, assembly, typeof(INotificationHandler<>));

        // Scoped, never singleton: a validator may query the scoped DbContext.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped);

        // Resolved only when a request's [Authorize] names roles or a policy (AuthorizationBehaviour).
        services.AddTransient(sp => new Lazy<IIdentityService>(sp.GetRequiredService<IIdentityService>));

        // The pipeline, outermost first (MediatR 5 runs behaviours in registration order). See docs/architecture.md.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(PerformanceBehaviour<,>));

        // Read-side projections only: handlers take IConfigurationProvider for ProjectTo, never IMapper (docs/decisions/0015).
        services.AddAutoMapper(assembly);

        services.AddSingleton(TimeProvider.System);

        // Defaults; Infrastructure replaces them with the configured values (Email:FanOutBatchSize, Auth:*).
        services.AddSingleton(new Notifications.EmailJobSettings());
        services.AddSingleton(new Common.Security.SignInThrottleSettings());
        services.AddSingleton(new Users.PasswordResetSettings());
        services.AddScoped<Common.Security.SignInThrottler>();
        return services;
    }

    private static void RegisterClosedImplementations(IServiceCollection services, Assembly assembly, Type openInterface)
    {
        var implementations = assembly
            .GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });
        foreach (var type in implementations)
        {
            foreach (var service in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface))
            {
                services.AddTransient(service, type);
            }
        }
    }

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
