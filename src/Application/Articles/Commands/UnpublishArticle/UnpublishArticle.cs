using AutoMapper;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Articles.Commands.UnpublishArticle;

/// <summary>
/// Takes an article back to draft: a published one leaves every public read, a scheduled one never appears (its job is
/// cancelled). The author may, and so may an editor or admin (for published articles: they cannot see others' drafts).
/// A draft stays a draft.
/// </summary>
[Authorize]
public sealed record UnpublishArticleCommand(string Slug) : IRequest<ArticleDto>;

public sealed class UnpublishArticleCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IIdentityService identity,
    IConfigurationProvider mapping,
    IJobScheduler jobs,
    ILogger<UnpublishArticleCommandHandler> logger
) : IRequestHandler<UnpublishArticleCommand, ArticleDto>
{
    public async Task<ArticleDto> Handle(UnpublishArticleCommand request, CancellationToken cancellationToken)
    {
        var callerId = currentUser.Id!.Value;
        var article = await db.Articles.VisibleTo(callerId).SingleOrDefaultAsync(a => a.Slug == request.Slug, cancellationToken)
            ?? throw new NotFoundException("article");
        if (
            !article.IsAuthoredBy(callerId)
            && !await identity.IsInRoleAsync(callerId, Roles.Editor)
            && !await identity.IsInRoleAsync(callerId, Roles.Admin)
        )
        {
            throw new ForbiddenAccessException("article");
        }

        var replacedJob = ArticlePublication.ReturnToDraft(article);
        await db.SaveChangesAsync(cancellationToken);
        await ArticlePublication.CancelReplacedJobAsync(jobs, replacedJob, logger);
        logger.LogInformation("Article {ArticleId} unpublished by {UserId}", article.PublicId, callerId);
        return await ArticleQueries.GetByIdAsync(db, mapping, article.Id, callerId, cancellationToken);
    }
}
