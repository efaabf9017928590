namespace CleanApp.Application.FunctionalTests.Support;

/// <summary>One container and one SQLite file per fixture; tests arrange their own users and data with unique names.</summary>
public abstract class AppFixture
{
    protected TestApp App { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartApp() => App = new TestApp();

    [OneTimeTearDown]
    public void StopApp() => App.Dispose();
}
