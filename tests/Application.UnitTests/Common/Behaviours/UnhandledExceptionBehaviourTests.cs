using CleanApp.Application.Common.Behaviours;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.UnitTests.Support;
using CleanApp.Domain.Common;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.UnitTests.Common.Behaviours;

public sealed class UnhandledExceptionBehaviourTests
{
    private static readonly Exception[] ExpectedOutcomes =
    [
        new ValidationException("email", "can't be blank"),
        new NotFoundException("article"),
        new ForbiddenAccessException("article"),
        new ConflictException("username", "has already been taken"),
        AuthenticationFailedException.InvalidCredentials(),
        new UnauthorizedAccessException(),
        new OperationCanceledException(),
        new DomainException("username", "can't be blank"),
    ];

    [Test]
    public async Task A_successful_request_logs_nothing()
    {
        var logger = new RecordingLogger<PlainRequest>();
        var behaviour = new UnhandledExceptionBehaviour<PlainRequest, string>(logger);

        var response = await behaviour.Handle(new PlainRequest("x"), CancellationToken.None, () => Task.FromResult("handled"));

        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo("handled"));
            Assert.That(logger.Entries, Is.Empty);
        });
    }

    [Test]
    public async Task An_unexpected_exception_is_logged_as_an_error_and_rethrown_unchanged()
    {
        var logger = new RecordingLogger<PlainRequest>();
        var behaviour = new UnhandledExceptionBehaviour<PlainRequest, string>(logger);
        var boom = new InvalidOperationException("boom");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            behaviour.Handle(new PlainRequest("x"), CancellationToken.None, () => throw boom)
        );

        Assert.That(thrown, Is.SameAs(boom));
        Assert.That(logger.Entries, Has.Count.EqualTo(1));
        var entry = logger.Entries[0];
        Assert.Multiple(() =>
        {
            Assert.That(entry.Level, Is.EqualTo(LogLevel.Error));
            Assert.That(entry.Exception, Is.SameAs(boom));
            Assert.That(entry.Message, Does.Contain(nameof(PlainRequest)));
        });
    }

    [Test]
    public async Task The_log_line_names_the_request_but_never_its_content()
    {
        var logger = new RecordingLogger<PlainRequest>();
        var behaviour = new UnhandledExceptionBehaviour<PlainRequest, string>(logger);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            behaviour.Handle(new PlainRequest("secret-password"), CancellationToken.None, () => throw new InvalidOperationException("boom"))
        );

        Assert.That(logger.Entries.Single().Message, Does.Not.Contain("secret-password"));
    }

    [TestCaseSource(nameof(ExpectedOutcomes))]
    public async Task An_expected_outcome_is_rethrown_without_being_logged(Exception expected)
    {
        var logger = new RecordingLogger<PlainRequest>();
        var behaviour = new UnhandledExceptionBehaviour<PlainRequest, string>(logger);

        var thrown = await Assert.CatchAsync(() => behaviour.Handle(new PlainRequest("x"), CancellationToken.None, () => throw expected));

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.SameAs(expected));
            Assert.That(logger.Entries, Is.Empty);
        });
    }
}
