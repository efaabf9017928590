using AutoMapper;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Comments;
using CleanApp.Domain.Users;

namespace CleanApp.Application.Accounts;

/// <summary>
/// An account is its profile plus what the identity store and the content tables know about it. The profile has no
/// navigations to those (they would make the domain's graph cyclic, MappingSafetyTests), so the queries they come from
/// are parameters, like <c>callerId</c> elsewhere: <see cref="AccountQueries.Project"/> passes them, and EF Core inlines
/// each as a correlated subquery of the one statement.
/// </summary>
public sealed class AccountMappingProfile : Profile
{
    public AccountMappingProfile()
    {
        IQueryable<IdentityAccount> identityAccounts = null!;
        IQueryable<IdentityAccountRole> identityRoles = null!;
        IQueryable<Article> articles = null!;
        IQueryable<Comment> comments = null!;
        DateTime now = default;

        CreateMap<User, AccountDto>()
            .ForMember(d => d.Email, o => o.MapFrom(u => identityAccounts.Where(a => a.Id == u.Id).Select(a => a.Email).FirstOrDefault()))
            .ForMember(
                d => d.Roles,
                o =>
                    o.MapFrom(u =>
                        identityRoles
                            .Where(r => r.UserId == u.Id && (r.Role == Roles.User || r.Role == Roles.Editor || r.Role == Roles.Admin))
                            .OrderBy(r => r.Role)
                            .Select(r => r.Role)
                            .ToList()
                    )
            )
            .ForMember(
                d => d.Status,
                o =>
                    o.MapFrom(u =>
                        u.SuspendedAt != null && (u.SuspendedUntil == null || u.SuspendedUntil > now)
                            ? AccountStatus.Suspended
                            : AccountStatus.Active
                    )
            )
            .ForMember(
                d => d.SuspendedAt,
                o => o.MapFrom(u => u.SuspendedAt != null && (u.SuspendedUntil == null || u.SuspendedUntil > now) ? u.SuspendedAt : null)
            )
            .ForMember(
                d => d.SuspendedUntil,
                o => o.MapFrom(u => u.SuspendedAt != null && (u.SuspendedUntil == null || u.SuspendedUntil > now) ? u.SuspendedUntil : null)
            )
            .ForMember(
                d => d.SuspensionReason,
                o =>
                    o.MapFrom(u =>
                        u.SuspendedAt != null && (u.SuspendedUntil == null || u.SuspendedUntil > now) ? u.SuspensionReason : null
                    )
            )
            .ForMember(d => d.ArticlesCount, o => o.MapFrom(u => articles.Count(a => a.AuthorId == u.Id)))
            .ForMember(d => d.CommentsCount, o => o.MapFrom(u => comments.Count(c => c.AuthorId == u.Id)));
    }
}
