using AutoMapper;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Common.Security;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.Articles.Commands.UpdateArticle;

/// <summary>
/// A partial update by the article's author: only present fields change. A new title regenerates the slug; an absent
/// <c>tagList</c> keeps the tags, <c>[]</c> removes them all, <c>null</c> is refused.
/// </summary>
[Authorize]
public sealed record UpdateArticleCommand(string Slug) : IRequest<ArticleDto>
{
    public Optional<string?> Title { get; init; }

    public Optional<string?> Description { get; init; }

    public Optional<string?> Body { get; init; }

    public Optional<IReadOnlyList<string?>?> TagList { get; init; }
}

public sealed class UpdateArticleCommandHandler(
    IApplicationDbContext db,
    ICurrentUser currentUser,
    TimeProvider clock,
    IConfigurationProvider mapping
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

        // Every successful PUT is an edit, even one that repeats the stored values (shared/API.md: updatedAt changes).
        // Touching the timestamp marks the row modified; the auditing interceptor then stamps the real value.
        article.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        await UniqueSlug.SaveAsync(db, article, cancellationToken);
        return await ArticleQueries.GetByIdAsync(db, mapping, article.Id, callerId, cancellationToken);
    }
}
