using AutoMapper;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Moderation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Moderation.Queries.ListFlags;

/// <summary>
/// The moderators' queue: open flags oldest first (the longest waiting on top), each with its target's excerpt and
/// author; <c>status=resolved</c> lists the closed ones, most recently resolved first.
/// </summary>
[Authorize(Roles = Roles.Moderators)]
public sealed record ListFlagsQuery : IRequest<FlagsPageDto>
{
    public string? Status { get; init; }

    public int Limit { get; init; } = Paging.DefaultLimit;

    public int Offset { get; init; }
}

public sealed class ListFlagsQueryHandler(IApplicationDbContext db, IConfigurationProvider mapping)
    : IRequestHandler<ListFlagsQuery, FlagsPageDto>
{
    public async Task<FlagsPageDto> Handle(ListFlagsQuery request, CancellationToken cancellationToken)
    {
        var flags = db.Flags.AsNoTracking();
        IQueryable<Flag> ordered;
        if (request.Status == FlagStatuses.Resolved)
        {
            flags = flags.Where(f => f.Status != FlagStatus.Open);
            ordered = flags.OrderByDescending(f => f.ResolvedAt).ThenByDescending(f => f.Id);
        }
        else
        {
            flags = flags.Where(f => f.Status == FlagStatus.Open);
            ordered = flags.OrderBy(f => f.CreatedAt).ThenBy(f => f.Id);
        }

        var count = await flags.CountAsync(cancellationToken);
        var page = await FlagQueries.Project(ordered.Skip(request.Offset).Take(request.Limit), db, mapping).ToListAsync(cancellationToken);
        return new FlagsPageDto { Flags = page, FlagsCount = count };
    }
}
