using CleanApp.Application.Articles;
using CleanApp.Application.Articles.Commands.CreateArticle;
using CleanApp.Application.Users.Commands.RegisterUser;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.FunctionalTests.Support;

public sealed record AppUser(Guid Id, string Username);

/// <summary>Arrange helpers for the Conduit features: register users and create articles through the real pipeline.</summary>
public static class ConduitHelpers
{
    public static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 11)];

    public static async Task<AppUser> RegisterAsync(this TestApp app, string prefix = "user")
    {
        var username = Unique(prefix);
        await app.SendAsync(new RegisterUserCommand(username, $"{username}@example.com", "password123"));
        var id = await app.QueryAsync(db => db.Set<User>().Where(u => u.Username == username).Select(u => u.Id).SingleAsync());
        return new AppUser(id, username);
    }

    public static Task<ArticleDto> CreateArticleAsync(this TestApp app, AppUser author, string? title = null, params string[] tags) =>
        app.SendAsync(
            new CreateArticleCommand
            {
                Title = title ?? Unique("Title"),
                Description = "A description",
                Body = "A body",
                TagList = tags,
            },
            author.Id
        );
}
