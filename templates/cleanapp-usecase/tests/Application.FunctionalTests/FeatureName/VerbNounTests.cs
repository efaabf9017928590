using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.FeatureName.Commands.VerbNoun;
using CleanApp.Application.FunctionalTests.Support;

namespace CleanApp.Application.FunctionalTests.FeatureName;

public sealed class VerbNounTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new TestApp();

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public void An_anonymous_caller_is_refused()
    {
        Assert.ThrowsAsync<AuthenticationFailedException>(() => _app.SendAsync(new VerbNounCommand("something")));
    }
}
