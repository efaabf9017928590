using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Moderation;

internal static class FlagQueries
{
    public static IQueryable<FlagDto> Project(IQueryable<Flag> flags, IApplicationDbContext db, IConfigurationProvider mapping) =>
        flags.ProjectTo<FlagDto>(mapping, new { comments = db.Comments });

    public static async Task<FlagDto> GetAsync(
        IApplicationDbContext db,
        IConfigurationProvider mapping,
        int id,
        CancellationToken cancellationToken
    ) =>
        await Project(db.Flags.AsNoTracking().Where(f => f.Id == id), db, mapping).SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("flag");
}
