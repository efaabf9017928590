namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>One host and one SQLite file per fixture; tests create their own users and data with unique names.</summary>
public abstract class ApiFixture
{
    protected CleanAppFactory Factory { get; private set; } = null!;

    protected HttpClient Client { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartHost()
    {
        Factory = new CleanAppFactory();
        Configure(Factory);
        Client = Factory.CreateClient();
    }

    /// <summary>Settings for this fixture's host (<see cref="CleanAppFactory.WithSetting"/>), before it starts.</summary>
    protected virtual void Configure(CleanAppFactory factory) { }

    [OneTimeTearDown]
    public void StopHost()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
