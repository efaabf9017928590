using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests;

/// <summary>
/// The host's whole composition (Application + Infrastructure + WebApi): no CleanApp service, options binding or
/// factory is registered twice. Framework calls that several projects make (AddAuthorizationCore, AddDataProtection)
/// use TryAdd and add nothing the second time; a plain Add or Configure repeated in two DependencyInjection.cs files
/// would show up here.
/// </summary>
public sealed class DependencyInjectionTests
{
    [Test]
    public void No_CleanApp_registration_appears_twice()
    {
        List<ServiceDescriptor> registrations = [];
        using (var factory = new CleanAppFactory().WithServices(registrations.AddRange))
        {
            _ = factory.Services;
        }

        var duplicates = registrations
            .Where(IsCleanApp)
            .GroupBy(d => $"{d.ServiceType} -> {Implementation(d)}")
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Count()}× {g.Key}");

        Assert.That(registrations.Count(IsCleanApp), Is.GreaterThan(50), "the composition was captured");
        Assert.That(duplicates, Is.Empty);
    }

    private static bool IsCleanApp(ServiceDescriptor d) =>
        $"{d.ServiceType.FullName} {Implementation(d)}".Contains("CleanApp.", StringComparison.Ordinal);

    private static string Implementation(ServiceDescriptor d) =>
        d.ImplementationType?.FullName
        ?? d.ImplementationInstance?.GetType().FullName
        ?? $"factory {d.ImplementationFactory?.Method.DeclaringType?.FullName}.{d.ImplementationFactory?.Method.Name}";
}
