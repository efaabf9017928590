using CleanApp.Application.Common.Auditing;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Moderation.Commands.RestoreArticle;

/// <summary>A moderator makes a hidden article public again (409 when it is not hidden); recorded in the audit log.</summary>
[Authorize(Roles = Roles.Moderators)]
public sealed record RestoreArticleCommand(string Slug) : IRequest
{
    public string? Reason { get; init; }
}

public sealed class RestoreArticleCommandHandler(IApplicationDbContext db, IAuditLog audit) : IRequestHandler<RestoreArticleCommand, Unit>
{
    public async Task<Unit> Handle(RestoreArticleCommand request, CancellationToken cancellationToken)
    {
        var article = db.Articles.Where(a => a.Slug == request.Slug);
        var hidden = await article.Select(a => (bool?)(a.HiddenAt != null)).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("article");
        if (!hidden)
        {
            throw new ConflictException("article", "is not hidden");
        }

        await db.InTransactionAsync(
            async ct =>
            {
                await article.ExecuteUpdateAsync(s => s.SetProperty(a => a.HiddenAt, (DateTime?)null), ct);
                await audit.RecordAsync(AuditActions.RestoreArticle, AuditActions.Article(request.Slug), request.Reason, ct);
                return await db.SaveChangesAsync(ct);
            },
            cancellationToken
        );
        return Unit.Value;
    }
}
