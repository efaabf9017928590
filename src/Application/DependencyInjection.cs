using System.Reflection;
using AutoMapper;
using CleanApp.Application.Common.Behaviours;
using CleanApp.Application.Common.Mappings;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5, validators and AutoMapper are wired by hand: their DI extension packages are absent from the package
    /// source (docs/decisions/0002-pinned-package-versions.md). Handlers and validators are discovered by scanning this
    /// assembly, so adding a use case is adding its files.
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
        RegisterClosedImplementations(services, assembly, typeof(IValidator<>));

        // The pipeline, outermost first (MediatR 5 runs behaviours in registration order). See docs/architecture.md.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(PerformanceBehaviour<,>));

        var mapperConfiguration = MappingConfiguration.Create();
        services.AddSingleton(mapperConfiguration);
        services.AddSingleton<IMapper>(sp => mapperConfiguration.CreateMapper(sp.GetService));

        services.AddSingleton(TimeProvider.System);

        // Defaults; Infrastructure replaces them with the configured values (Email:FanOutBatchSize).
        services.AddSingleton(new Notifications.EmailJobSettings());
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
