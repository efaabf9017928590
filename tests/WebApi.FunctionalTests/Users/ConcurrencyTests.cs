using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.WebApi.FunctionalTests.Users;

/// <summary>
/// Uniqueness must hold when requests race, not only when they arrive one by one: the losers get the documented 409,
/// never a 500, and the database never holds two accounts with one username or one email.
/// </summary>
public sealed class ConcurrencyTests : AccountsApiFixture
{
    private const int Racers = 8;

    [Test]
    public async Task Simultaneous_registrations_of_one_username_give_one_201_and_409s()
    {
        var username = UniqueName("race");

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, Racers)
                .Select(i =>
                    PostUsersAsync(
                        new
                        {
                            username,
                            email = $"{username}_{i}@example.com",
                            password = "password123",
                        }
                    )
                )
        );

        await AssertOneWinnerAsync(responses, "username");
        var stored = await Factory.QueryAsync(db =>
            db.Set<Domain.Users.User>().CountAsync(u => u.NormalizedUsername == username.ToUpperInvariant())
        );
        Assert.That(stored, Is.EqualTo(1));
        var (profiles, credentials) = await Factory.CountUsersAsync();
        Assert.That(credentials, Is.EqualTo(profiles), "a refused registration must leave no credential record behind");
    }

    [Test]
    public async Task Simultaneous_registrations_of_one_email_give_one_201_and_409s()
    {
        var email = $"{UniqueName("race")}@example.com";

        var responses = await Task.WhenAll(
            Enumerable
                .Range(0, Racers)
                .Select(_ =>
                    PostUsersAsync(
                        new
                        {
                            username = UniqueName("race"),
                            email,
                            password = "password123",
                        }
                    )
                )
        );

        await AssertOneWinnerAsync(responses, "email");
        var stored = await Factory.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
        Assert.That(stored, Is.EqualTo(1));
        var login = await LoginAsync(new { email, password = "password123" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Simultaneous_renames_to_one_username_give_one_200_and_409s()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Client.RegisterAsync("racer")));
        var target = UniqueName("target");

        var responses = await Task.WhenAll(users.Select(u => PutUserAsync(u.Token, new { username = target })));

        await AssertOneWinnerAsync(responses, "username");
        var stored = await Factory.QueryAsync(db =>
            db.Set<Domain.Users.User>().CountAsync(u => u.NormalizedUsername == target.ToUpperInvariant())
        );
        Assert.That(stored, Is.EqualTo(1));
    }

    [Test]
    public async Task Simultaneous_email_changes_to_one_address_give_one_200_and_409s()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Client.RegisterAsync("racer")));
        var target = $"{UniqueName("target")}@example.com";

        var responses = await Task.WhenAll(users.Select(u => PutUserAsync(u.Token, new { email = target })));

        await AssertOneWinnerAsync(responses, "email");
        var stored = await Factory.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == target.ToUpperInvariant()));
        Assert.That(stored, Is.EqualTo(1));
    }

    private static async Task AssertOneWinnerAsync(HttpResponseMessage[] responses, string key)
    {
        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s is 200 or 201), Is.EqualTo(1), string.Join(", ", statuses));
        foreach (var loser in responses.Where(r => !r.IsSuccessStatusCode))
        {
            await ApiAssert.ExactErrorAsync(loser, HttpStatusCode.Conflict, key, "has already been taken");
        }
    }
}
