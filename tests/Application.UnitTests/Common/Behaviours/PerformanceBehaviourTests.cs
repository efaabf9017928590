using CleanApp.Application.Common.Behaviours;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.UnitTests.Support;
using Microsoft.Extensions.Logging;
using Moq;

namespace CleanApp.Application.UnitTests.Common.Behaviours;

public sealed class PerformanceBehaviourTests
{
    [Test]
    public async Task A_fast_request_logs_nothing()
    {
        var logger = new RecordingLogger<PlainRequest>();
        var behaviour = new PerformanceBehaviour<PlainRequest, string>(logger, Mock.Of<ICurrentUser>());

        var response = await behaviour.Handle(new PlainRequest("x"), CancellationToken.None, () => Task.FromResult("handled"));

        Assert.Multiple(() =>
        {
            Assert.That(response, Is.EqualTo("handled"));
            Assert.That(logger.Entries, Is.Empty);
        });
    }

    [Test]
    public async Task A_slow_request_logs_one_warning_with_its_name_and_the_caller()
    {
        var userId = Guid.NewGuid();
        var logger = new RecordingLogger<PlainRequest>();
        var behaviour = new PerformanceBehaviour<PlainRequest, string>(logger, Mock.Of<ICurrentUser>(u => u.Id == userId));

        var response = await behaviour.Handle(new PlainRequest("secret-password"), CancellationToken.None, async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(PerformanceBehaviour<PlainRequest, string>.ThresholdMilliseconds + 150));
            return "handled";
        });

        Assert.That(response, Is.EqualTo("handled"));
        Assert.That(logger.Entries, Has.Count.EqualTo(1));
        var entry = logger.Entries[0];
        Assert.Multiple(() =>
        {
            Assert.That(entry.Level, Is.EqualTo(LogLevel.Warning));
            Assert.That(entry.Message, Does.Contain(nameof(PlainRequest)));
            Assert.That(entry.Message, Does.Contain(userId.ToString()));
            Assert.That(entry.Message, Does.Not.Contain("secret-password"));
        });
    }

    [Test]
    public async Task A_failing_request_is_not_timed_and_the_exception_passes_through()
    {
        var logger = new RecordingLogger<PlainRequest>();
        var behaviour = new PerformanceBehaviour<PlainRequest, string>(logger, Mock.Of<ICurrentUser>());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            behaviour.Handle(new PlainRequest("x"), CancellationToken.None, () => throw new InvalidOperationException())
        );
        Assert.That(logger.Entries, Is.Empty);
    }
}
