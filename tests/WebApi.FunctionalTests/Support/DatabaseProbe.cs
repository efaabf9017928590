using System.Text.Json;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Comments;
using CleanApp.Domain.Profiles;
using CleanApp.Domain.Users;
using CleanApp.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>Reads what the host really stored, through a fresh scope (a fresh DbContext) of the host's own container.</summary>
public static class DatabaseProbe
{
    public static Task<(int Profiles, int Credentials)> CountUsersAsync(this CleanAppFactory factory) =>
        factory.QueryAsync(async db => (await db.Set<User>().CountAsync(), await db.Users.CountAsync()));

    public static Task<User?> FindProfileAsync(this CleanAppFactory factory, string username) =>
        factory.QueryAsync(db => db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.Username == username));

    /// <summary>
    /// Every stored account field, credentials and lockout counters included: equal before and after a refused request
    /// proves that the request changed nothing.
    /// </summary>
    public static Task<string> AccountsFingerprintAsync(this CleanAppFactory factory) =>
        factory.QueryAsync(async db =>
        {
            var profiles = await db.Set<User>()
                .AsNoTracking()
                .Select(u => new
                {
                    u.Id,
                    u.Username,
                    u.NormalizedUsername,
                    u.Bio,
                    u.Image,
                    u.CreatedAt,
                    u.UpdatedAt,
                })
                .ToListAsync();
            var credentials = await db
                .Users.AsNoTracking()
                .Select(u => new
                {
                    u.Id,
                    u.Email,
                    u.NormalizedEmail,
                    u.PasswordHash,
                    u.SecurityStamp,
                    u.ConcurrencyStamp,
                    u.AccessFailedCount,
                    u.LockoutEnd,
                })
                .ToListAsync();
            return JsonSerializer.Serialize(new { profiles = profiles.OrderBy(p => p.Id), credentials = credentials.OrderBy(c => c.Id) });
        });

    /// <summary>
    /// Every stored article, tag, comment, favorite and follow plus <see cref="AccountsFingerprintAsync"/>: equal before
    /// and after a refused request to any endpoint proves that it changed nothing.
    /// </summary>
    public static async Task<string> DatabaseFingerprintAsync(this CleanAppFactory factory)
    {
        var accounts = await factory.AccountsFingerprintAsync();
        var content = await factory.QueryAsync(async db =>
        {
            var articles = await db.Set<Article>()
                .AsNoTracking()
                .OrderBy(a => a.Id)
                .Select(a => new
                {
                    a.Id,
                    a.Slug,
                    a.Title,
                    a.Description,
                    a.Body,
                    a.AuthorId,
                    a.CreatedAt,
                    a.UpdatedAt,
                })
                .ToListAsync();
            var tags = await db.Set<ArticleTag>()
                .AsNoTracking()
                .OrderBy(t => t.ArticleId)
                .ThenBy(t => t.Name)
                .Select(t => new { t.ArticleId, t.Name })
                .ToListAsync();
            var comments = await db.Set<Comment>()
                .AsNoTracking()
                .OrderBy(c => c.Id)
                .Select(c => new
                {
                    c.Id,
                    c.ArticleId,
                    c.AuthorId,
                    c.Body,
                    c.UpdatedAt,
                })
                .ToListAsync();
            var favorites = await db.Set<Favorite>().AsNoTracking().CountAsync();
            var follows = await db.Set<Follow>().AsNoTracking().CountAsync();
            return JsonSerializer.Serialize(
                new
                {
                    articles,
                    tags,
                    comments,
                    favorites,
                    follows,
                }
            );
        });
        return accounts + content;
    }

    public static async Task<T> QueryAsync<T>(this CleanAppFactory factory, Func<ApplicationDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }
}
