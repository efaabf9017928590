using CleanApp.Application.Common.Behaviours;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.UnitTests.Support;
using MediatR;
using Moq;

namespace CleanApp.Application.UnitTests.Common.Behaviours;

public sealed class AuthorizationBehaviourTests
{
    private readonly Guid _userId = Guid.NewGuid();
    private Mock<ICurrentUser> _currentUser = null!;
    private Mock<IIdentityService> _identity = null!;
    private bool _handlerRan;

    [SetUp]
    public void Arrange()
    {
        _currentUser = new Mock<ICurrentUser>();
        _identity = new Mock<IIdentityService>(MockBehavior.Strict);
        _handlerRan = false;
    }

    [Test]
    public async Task A_request_without_Authorize_passes_even_for_an_anonymous_caller()
    {
        var response = await Run(new PlainRequest("x"));

        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo("handled"));
            Assert.That(_handlerRan, Is.True);
        });
        _identity.VerifyNoOtherCalls();
    }

    [Test]
    public async Task An_anonymous_caller_is_refused_with_token_is_missing()
    {
        var ex = await Assert.ThrowsAsync<AuthenticationFailedException>(() => Run(new AuthenticatedRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo("token"));
            Assert.That(ex.Reason, Is.EqualTo("is missing"));
            Assert.That(_handlerRan, Is.False);
        });
    }

    [Test]
    public async Task An_authenticated_caller_passes_a_plain_Authorize()
    {
        SignIn();

        Assert.That(await Run(new AuthenticatedRequest()), Is.EqualTo("handled"));
        _identity.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_caller_in_none_of_the_roles_is_forbidden()
    {
        SignIn();
        _identity.Setup(i => i.IsInRoleAsync(_userId, It.IsAny<string>())).ReturnsAsync(false);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => Run(new RoleRequest()));

        Assert.That(_handlerRan, Is.False);
        _identity.Verify(i => i.IsInRoleAsync(_userId, "Admin"), Times.Once);
        _identity.Verify(i => i.IsInRoleAsync(_userId, "Editor"), Times.Once);
    }

    [Test]
    public async Task A_caller_in_any_one_of_the_roles_passes()
    {
        SignIn();
        _identity.Setup(i => i.IsInRoleAsync(_userId, "Admin")).ReturnsAsync(false);
        _identity.Setup(i => i.IsInRoleAsync(_userId, "Editor")).ReturnsAsync(true);

        Assert.That(await Run(new RoleRequest()), Is.EqualTo("handled"));
    }

    [Test]
    public async Task An_anonymous_caller_is_refused_before_any_role_is_looked_up()
    {
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => Run(new RoleRequest()));

        _identity.VerifyNoOtherCalls();
    }

    [Test]
    public async Task A_policy_refusal_is_forbidden()
    {
        SignIn();
        _identity.Setup(i => i.AuthorizeAsync(_userId, "CanPurge")).ReturnsAsync(false);

        var ex = await Assert.ThrowsAsync<ForbiddenAccessException>(() => Run(new PolicyRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Key, Is.EqualTo("user"));
            Assert.That(_handlerRan, Is.False);
        });
    }

    [Test]
    public async Task A_satisfied_policy_passes()
    {
        SignIn();
        _identity.Setup(i => i.AuthorizeAsync(_userId, "CanPurge")).ReturnsAsync(true);

        Assert.That(await Run(new PolicyRequest()), Is.EqualTo("handled"));
    }

    [Test]
    public async Task Both_role_and_policy_must_hold()
    {
        SignIn();
        _identity.Setup(i => i.IsInRoleAsync(_userId, "Admin")).ReturnsAsync(true);
        _identity.Setup(i => i.AuthorizeAsync(_userId, "CanPurge")).ReturnsAsync(false);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => Run(new RoleAndPolicyRequest()));
        Assert.That(_handlerRan, Is.False);
    }

    private void SignIn() => _currentUser.Setup(u => u.Id).Returns(_userId);

    private Task<string> Run<TRequest>(TRequest request)
        where TRequest : IRequest<string>
    {
        var behaviour = new AuthorizationBehaviour<TRequest, string>(
            _currentUser.Object,
            new Lazy<IIdentityService>(() => _identity.Object)
        );
        return behaviour.Handle(request, CancellationToken.None, () =>
        {
            _handlerRan = true;
            return Task.FromResult("handled");
        });
    }
}
