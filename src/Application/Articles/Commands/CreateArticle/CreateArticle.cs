using AutoMapper;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Jobs;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Articles;
using MediatR;

namespace CleanApp.Application.Articles.Commands.CreateArticle;

/// <summary>
/// Writes an article by the caller: published at once (as Conduit expects), or kept as a draft (<c>status: draft</c>), or
/// scheduled for a future <c>publishAt</c> (ADR 0040). An absent <c>tagList</c> means no tags; a present <c>null</c> is
/// refused, as on update (<see cref="Optional{T}"/> tells the two apart).
/// </summary>
[Authorize]
public sealed record CreateArticleCommand : IRequest<ArticleDto>
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Body { get; init; }

    public Optional<IReadOnlyList<string?>?> TagList { get; init; }

    /// <summary><c>draft</c>, <c>scheduled</c> (with <see cref="PublishAt"/>) or <c>published</c> (the default).</summary>
    public string? Status { get; init; }

    /// <summary>ISO-8601 with a zone, in the future (<see cref="Articles.PublishTime"/>): schedules the article.</summary>
    public string? PublishAt { get; init; }
}

public sealed class CreateArticleCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    IConfigurationProvider mapping,
    IJobScheduler jobs,
    TimeProvider clock
) : IRequestHandler<CreateArticleCommand, ArticleDto>
{
    public async Task<ArticleDto> Handle(CreateArticleCommand request, CancellationToken cancellationToken)
    {
        var authorId = currentUser.Id!.Value;
        var article = Article.Create(
            authorId,
            request.Title!,
            request.Description!,
            request.Body!,
            request.TagList.GetValueOrDefault([]) ?? []
        );
        DateTime? publishAt = PublishTime.TryParse(request.PublishAt, out var at) ? at : null;
        ArticlePublication.Apply(article, request.Status ?? ArticleStatuses.Published, publishAt, clock.GetUtcNow().UtcDateTime, jobs);
        db.Articles.Add(article);
        await UniqueSlug.SaveAsync(db, article, cancellationToken);
        return await ArticleQueries.GetByIdAsync(db, mapping, article.Id, authorId, cancellationToken);
    }
}
