using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Profiles;

/// <summary>Read-side helpers shared by the profile query and the follow/unfollow commands.</summary>
internal static class ProfileQueries
{
    /// <summary>One statement: the profile by username (case-insensitive) with <c>following</c> for <paramref name="callerId"/>.</summary>
    public static async Task<ProfileDto> GetByUsernameAsync(
        IApplicationDbContext db,
        IConfigurationProvider mapping,
        string username,
        Guid? callerId,
        CancellationToken cancellationToken
    )
    {
        var normalized = User.Normalize(username);
        return await db
            .Users.AsNoTracking()
            .Where(u => u.NormalizedUsername == normalized)
            .ProjectTo<ProfileDto>(mapping, new { callerId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("profile");
    }

    public static async Task<Guid> GetIdByUsernameAsync(IApplicationDbContext db, string username, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(username);
        return await db
            .Users.AsNoTracking()
            .Where(u => u.NormalizedUsername == normalized)
            .Select(u => (Guid?)u.Id)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("profile");
    }
}
