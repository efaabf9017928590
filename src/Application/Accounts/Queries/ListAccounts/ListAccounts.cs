using AutoMapper;
using CleanApp.Application.Articles;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Accounts.Queries.ListAccounts;

/// <summary>
/// Accounts with a public profile, newest first: <c>q</c> matches part of the username or the email (case-insensitive),
/// <c>role</c> and <c>status</c> filter; the total count comes with the page.
/// </summary>
[Authorize(Roles = Roles.Admin)]
public sealed record ListAccountsQuery : IRequest<AccountsPageDto>
{
    public string? Q { get; init; }

    public string? Role { get; init; }

    public string? Status { get; init; }

    public int Limit { get; init; } = Paging.DefaultLimit;

    public int Offset { get; init; }
}

public sealed class ListAccountsQueryHandler(IApplicationDbContext db, TimeProvider clock, IConfigurationProvider mapping)
    : IRequestHandler<ListAccountsQuery, AccountsPageDto>
{
    public async Task<AccountsPageDto> Handle(ListAccountsQuery request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var matches = db.Users.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(request.Q))
        {
            // Both columns are stored upper-cased, so one upper-cased needle matches regardless of case on every provider.
            var needle = request.Q.Trim().ToUpperInvariant();
            var byEmail = db.IdentityAccounts.Where(a => a.NormalizedEmail!.Contains(needle));
            matches = matches.Where(u => u.NormalizedUsername.Contains(needle) || byEmail.Any(a => a.Id == u.Id));
        }

        if (!string.IsNullOrEmpty(request.Role))
        {
            var holders = db.IdentityAccountRoles.Where(r => r.Role == request.Role);
            matches = matches.Where(u => holders.Any(r => r.UserId == u.Id));
        }

        if (request.Status == AccountStatus.Suspended)
        {
            matches = matches.Where(AccountStatus.IsSuspendedAt(now));
        }
        else if (request.Status == AccountStatus.Active)
        {
            matches = matches.Where(AccountStatus.IsActiveAt(now));
        }

        var count = await matches.CountAsync(cancellationToken);
        var page = await AccountQueries
            .Project(
                matches.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id).Skip(request.Offset).Take(request.Limit),
                db,
                mapping,
                now
            )
            .ToListAsync(cancellationToken);
        return new AccountsPageDto
        {
            Accounts = page.ConvertAll(a => a with { Roles = [.. a.Roles.Order(StringComparer.Ordinal)] }),
            AccountsCount = count,
        };
    }
}
