using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Application.Users;
using CleanApp.Application.Users.Commands.RegisterUser;
using CleanApp.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.FunctionalTests.Users;

/// <summary>One host and SQLite file per fixture; each test arranges its own uniquely named users.</summary>
public abstract class AccountFixture
{
    protected const string Password = "password123";

    protected TestApp App { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartApp() => App = new TestApp();

    [OneTimeTearDown]
    public void StopApp() => App.Dispose();

    protected static string UniqueName(string prefix = "user") => $"{prefix}_{Guid.NewGuid():N}"[..20];

    protected async Task<(Guid Id, UserDto Dto)> RegisterAsync(string? username = null, string? email = null, string password = Password)
    {
        username ??= UniqueName();
        email ??= $"{username}@example.com";
        var dto = await App.SendAsync(new RegisterUserCommand(username, email, password));
        var id = await App.QueryAsync(db => db.Set<Domain.Users.User>().Where(u => u.Username == username).Select(u => u.Id).SingleAsync());
        return (id, dto);
    }

    protected Task<Domain.Users.User> StoredUserAsync(Guid id) =>
        App.QueryAsync(db => db.Set<Domain.Users.User>().AsNoTracking().SingleAsync(u => u.Id == id));

    protected Task<ApplicationUser> StoredCredentialsAsync(Guid id) =>
        App.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    protected Task<(int Profiles, int Credentials)> CountsAsync() =>
        App.QueryAsync(async db => (await db.Set<Domain.Users.User>().CountAsync(), await db.Users.CountAsync()));
}
