using AutoMapper;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Articles.Commands.PublishArticle;

/// <summary>
/// The author publishes a draft or a scheduled article now (a pending scheduled job is cancelled); followers are
/// notified. Publishing a published article changes nothing.
/// </summary>
[Authorize]
public sealed record PublishArticleCommand(string Slug) : IRequest<ArticleDto>;

public sealed class PublishArticleCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IConfigurationProvider mapping,
    IJobScheduler jobs,
    TimeProvider clock,
    ILogger<PublishArticleCommandHandler> logger
) : IRequestHandler<PublishArticleCommand, ArticleDto>
{
    public async Task<ArticleDto> Handle(PublishArticleCommand request, CancellationToken cancellationToken)
    {
        var callerId = currentUser.Id!.Value;
        var article = await db.Articles.VisibleTo(callerId).SingleOrDefaultAsync(a => a.Slug == request.Slug, cancellationToken)
            ?? throw new NotFoundException("article");
        if (!article.IsAuthoredBy(callerId))
        {
            throw new ForbiddenAccessException("article");
        }

        var replacedJob = ArticlePublication.Publish(article, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await ArticlePublication.CancelReplacedJobAsync(jobs, replacedJob, logger);
        return await ArticleQueries.GetByIdAsync(db, mapping, article.Id, callerId, cancellationToken);
    }
}
