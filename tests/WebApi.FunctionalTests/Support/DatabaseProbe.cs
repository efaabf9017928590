using System.Text.Json;
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

    public static async Task<T> QueryAsync<T>(this CleanAppFactory factory, Func<ApplicationDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }
}
