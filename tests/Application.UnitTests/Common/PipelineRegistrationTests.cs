using CleanApp.Application.Common.Behaviours;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Users;
using CleanApp.Application.Users.Commands.LoginUser;
using CleanApp.Application.Users.Commands.RegisterUser;
using CleanApp.Application.Users.Commands.UpdateUser;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace CleanApp.Application.UnitTests.Common;

/// <summary>The container built by AddApplicationServices, with the Infrastructure/WebApi collaborators mocked.</summary>
public sealed class PipelineRegistrationTests
{
    private ServiceProvider _provider = null!;
    private Mock<ICurrentUser> _currentUser = null!;

    [SetUp]
    public void Build()
    {
        _currentUser = new Mock<ICurrentUser>();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplicationServices();
        services.AddSingleton(_currentUser.Object);
        services.AddSingleton(Mock.Of<IIdentityService>());
        services.AddSingleton(Mock.Of<ITokenService>());
        services.AddSingleton(Mock.Of<IApplicationDbContext>());

        // The other ports Application's handlers use (email, jobs, audit): Infrastructure implements them.
        services.AddSingleton(Mock.Of<Application.Common.Email.IEmailSender>());
        services.AddSingleton(Mock.Of<Application.Common.Jobs.IJobScheduler>());
        services.AddSingleton(Mock.Of<Application.Common.Jobs.IRecurringJobs>());
        services.AddSingleton(Mock.Of<Application.Common.Auditing.IAuditLog>());
        services.AddSingleton(Mock.Of<IOpsUserService>());
        services.AddSingleton(Mock.Of<Application.Search.IArticleSearch>());
        services.AddSingleton(Mock.Of<Application.Exports.IExportFiles>());
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [TearDown]
    public void Dispose() => _provider.Dispose();

    [Test]
    public void The_behaviours_run_in_the_documented_order()
    {
        using var scope = _provider.CreateScope();

        var behaviours = scope
            .ServiceProvider.GetServices<IPipelineBehavior<RegisterUserCommand, UserDto>>()
            .Select(b => b.GetType().GetGenericTypeDefinition());

        Assert.That(
            behaviours,
            Is.EqualTo(
                new[]
                {
                    typeof(UnhandledExceptionBehaviour<,>),
                    typeof(AuthorizationBehaviour<,>),
                    typeof(ValidationBehaviour<,>),
                    typeof(PerformanceBehaviour<,>),
                }
            )
        );
    }

    [Test]
    public void Every_request_handler_in_the_assembly_resolves()
    {
        using var scope = _provider.CreateScope();
        var handlerInterfaces = typeof(DependencyInjection)
            .Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
            .ToList();

        Assert.That(handlerInterfaces, Is.Not.Empty);
        foreach (var handler in handlerInterfaces)
        {
            Assert.That(scope.ServiceProvider.GetService(handler), Is.Not.Null, handler.ToString());
        }
    }

    [Test]
    public void Every_account_command_has_its_validator_registered()
    {
        using var scope = _provider.CreateScope();

        Assert.Multiple(() =>
        {
            Assert.That(scope.ServiceProvider.GetServices<FluentValidation.IValidator<RegisterUserCommand>>(), Has.Exactly(1).Items);
            Assert.That(scope.ServiceProvider.GetServices<FluentValidation.IValidator<UpdateUserCommand>>(), Has.Exactly(1).Items);
            Assert.That(scope.ServiceProvider.GetServices<FluentValidation.IValidator<LoginUserCommand>>(), Has.Exactly(1).Items);
        });
    }

    [Test]
    public async Task Authorization_runs_before_validation_through_the_mediator()
    {
        using var scope = _provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        // Invalid and anonymous: the caller must learn it is unauthenticated (401), not that its input is invalid (422).
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => mediator.Send(new UpdateUserCommand { Email = string.Empty }));
    }

    [Test]
    public async Task Validation_runs_before_the_handler_through_the_mediator()
    {
        using var scope = _provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        // The mocked DbContext would fail if the handler ran; the validator must stop the request first.
        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            mediator.Send(new RegisterUserCommand(string.Empty, "jake@example.com", "password123"))
        );

        Assert.That(ex!.Errors.Keys, Is.EqualTo(new[] { "username" }));
    }
}
