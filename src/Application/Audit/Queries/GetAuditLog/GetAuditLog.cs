using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Audit.Queries.GetAuditLog;

/// <summary>
/// The audit log for administrators, newest first: every administration and moderation action and every jobs dashboard
/// action. Filters combine with AND: <c>action</c> is an action or a family (<c>account</c> matches <c>account.*</c>),
/// <c>actor</c> and <c>target</c> match part of the text (case-insensitive), <c>since</c>/<c>until</c> bound the time.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record GetAuditLogQuery : IRequest<AuditLogPageDto>
{
    public string? Action { get; init; }

    public string? Actor { get; init; }

    public string? Target { get; init; }

    public DateTime? Since { get; init; }

    public DateTime? Until { get; init; }

    public int Limit { get; init; } = Paging.DefaultLimit;

    public int Offset { get; init; }
}

public sealed class GetAuditLogQueryHandler(IApplicationDbContext db, IConfigurationProvider mapping)
    : IRequestHandler<GetAuditLogQuery, AuditLogPageDto>
{
    public async Task<AuditLogPageDto> Handle(GetAuditLogQuery request, CancellationToken cancellationToken)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(request.Action))
        {
            var action = request.Action;
            var family = action + ".";
            entries = entries.Where(e => e.Action == action || e.Action.StartsWith(family));
        }

        // Upper on both sides: SQLite compares case-sensitively and SQL Server usually does not; this reads the same on both.
        if (!string.IsNullOrEmpty(request.Actor))
        {
            var actor = request.Actor.ToUpperInvariant();
            entries = entries.Where(e => e.Actor.ToUpper().Contains(actor));
        }

        if (!string.IsNullOrEmpty(request.Target))
        {
            var target = request.Target.ToUpperInvariant();
            entries = entries.Where(e => e.Target.ToUpper().Contains(target));
        }

        if (request.Since is { } since)
        {
            entries = entries.Where(e => e.At >= since);
        }

        if (request.Until is { } until)
        {
            entries = entries.Where(e => e.At < until);
        }

        var count = await entries.CountAsync(cancellationToken);
        var page = await entries
            .OrderByDescending(e => e.Id)
            .Skip(request.Offset)
            .Take(request.Limit)
            .ProjectTo<AuditEntryDto>(mapping)
            .ToListAsync(cancellationToken);
        return new AuditLogPageDto { Entries = page, EntriesCount = count };
    }
}
