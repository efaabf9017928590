using AutoMapper;
using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Models;
using CleanApp.Application.Common.Security;
using CleanApp.Domain.Articles;
using MediatR;

namespace CleanApp.Application.Articles.Commands.CreateArticle;

/// <summary>
/// Publishes an article by the caller. An absent <c>tagList</c> means no tags; a present <c>null</c> is refused, as on
/// update (<see cref="Optional{T}"/> tells the two apart).
/// </summary>
[Authorize]
public sealed record CreateArticleCommand : IRequest<ArticleDto>
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Body { get; init; }

    public Optional<IReadOnlyList<string?>?> TagList { get; init; }
}

public sealed class CreateArticleCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, IConfigurationProvider mapping)
    : IRequestHandler<CreateArticleCommand, ArticleDto>
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
        db.Articles.Add(article);
        await UniqueSlug.SaveAsync(db, article, cancellationToken);
        return await ArticleQueries.GetByIdAsync(db, mapping, article.Id, authorId, cancellationToken);
    }
}
