using AutoMapper;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CleanApp.Application.Articles.Commands.UpdateArticle;

/// <summary>
/// A partial update by the article's author: only present fields change. A new title regenerates the slug; an absent
/// <c>tagList</c> keeps the tags, <c>[]</c> removes them all, <c>null</c> is refused. Before publication <c>status</c> and
/// <c>publishAt</c> move the article between draft and scheduled, or publish it (ADR 0040); afterwards only
/// <c>POST .../unpublish</c> does. Someone else's draft is a 404, as for every other reader.
/// </summary>
[Authorize]
public sealed record UpdateArticleCommand(string Slug) : IRequest<ArticleDto>
{
    public Optional<string?> Title { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<string?> Body { get; init; }

    public Optional<IReadOnlyList<string?>?> TagList { get; init; }

    public Optional<string?> Status { get; init; }

    public Optional<string?> PublishAt { get; init; }
}

public sealed class UpdateArticleCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    TimeProvider clock,
    IConfigurationProvider mapping,
    IJobScheduler jobs,
    ILogger<UpdateArticleCommandHandler> logger
) : IRequestHandler<UpdateArticleCommand, ArticleDto>
{
    public async Task<ArticleDto> Handle(UpdateArticleCommand request, CancellationToken cancellationToken)
    {
        var callerId = currentUser.Id!.Value;
        var article = await db
            .Articles.VisibleTo(callerId)
            .Include(a => a.Tags)
            .SingleOrDefaultAsync(a => a.Slug == request.Slug, cancellationToken)
            ?? throw new NotFoundException("article");
        if (!article.IsAuthoredBy(callerId))
        {
            throw new ForbiddenAccessException("article");
        }

        if (request.Title.HasValue)
        {
            article.ChangeTitle(request.Title.Value!);
        }

        if (request.Description.HasValue)
        {
            article.ChangeDescription(request.Description.Value!);
        }

        if (request.Body.HasValue)
        {
            article.ChangeBody(request.Body.Value!);
        }

        if (request.TagList.HasValue)
        {
            article.ReplaceTags(request.TagList.Value!);
        }

        string? replacedJob = null;
        if (request.Status.HasValue || request.PublishAt.HasValue)
        {
            DateTime? publishAt = PublishTime.TryParse(request.PublishAt.GetValueOrDefault(null), out var at) ? at : null;
            replacedJob = ArticlePublication.Apply(
                article,
                request.Status.GetValueOrDefault(null),
                publishAt,
                clock.GetUtcNow().UtcDateTime,
                jobs
            );
        }

        // Every successful PUT is an edit, even one that repeats the stored values (shared/API.md: updatedAt changes).
        // Touching the timestamp marks the row modified; the auditing interceptor then stamps the real value.
        article.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        await UniqueSlug.SaveAsync(db, article, cancellationToken);
        await ArticlePublication.CancelReplacedJobAsync(jobs, replacedJob, logger);
        return await ArticleQueries.GetByIdAsync(db, mapping, article.Id, callerId, cancellationToken);
    }
}
