using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Application.Users.Commands.RegisterUser;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.FunctionalTests.Users;

public sealed class RegisterUserSmokeTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public void Start() => _app = new TestApp();

    [OneTimeTearDown]
    public void Stop() => _app.Dispose();

    [Test]
    public async Task Register_stores_the_profile()
    {
        var dto = await _app.SendAsync(new RegisterUserCommand("smoke_user", "smoke@example.com", "password123"));

        var stored = await _app.QueryAsync(db => db.Set<Domain.Users.User>().SingleAsync(u => u.Username == "smoke_user"));
        Assert.That(stored.Username, Is.EqualTo(dto.Username));
    }
}
