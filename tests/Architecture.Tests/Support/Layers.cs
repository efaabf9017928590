using System.Reflection;

namespace CleanApp.Architecture.Tests.Support;

/// <summary>The four production assemblies, loaded through a type each one owns.</summary>
public static class Layers
{
    public static readonly Assembly Domain = typeof(CleanApp.Domain.Users.User).Assembly;
    public static readonly Assembly Application = typeof(CleanApp.Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(CleanApp.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly WebApi = typeof(CleanApp.WebApi.DependencyInjection).Assembly;

    public static IEnumerable<string> ReferencedAssemblyNames(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty);

    public static IEnumerable<Type> ConcreteTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false } && !IsCompilerGenerated(t));

    public static IEnumerable<Type> ClosedInterfacesOf(Type type, Type openGeneric) =>
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openGeneric);

    public static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), inherit: false)
        || type.Name.Contains('<', StringComparison.Ordinal);
}
