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
        Client = Factory.CreateClient();
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        Client.Dispose();
        Factory.Dispose();
    }
}
