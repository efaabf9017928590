using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Application.UnitTests;

/// <summary>
/// Validators report camelCase keys only with the global property-name resolver that AddApplicationServices sets, so
/// every test in this assembly runs with the application's real FluentValidation configuration.
/// </summary>
/// <remarks>In the root namespace: a SetUpFixture applies only to its own namespace and those below it.</remarks>
[SetUpFixture]
public sealed class ApplicationServicesSetUp
{
    [OneTimeSetUp]
    public void ConfigureApplication() => new ServiceCollection().AddApplicationServices();
}
