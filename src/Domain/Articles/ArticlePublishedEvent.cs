using CleanApp.Domain.Common;

namespace CleanApp.Domain.Articles;

/// <summary>
/// An author published a new article. Raised by <see cref="Article.Create"/> and published while the article is being
/// saved, when its database <see cref="Article.Id"/> is not assigned yet: the event names the article by its
/// <see cref="Article.PublicId"/>, which exists from creation on.
/// </summary>
public sealed record ArticlePublishedEvent(Guid ArticlePublicId, Guid AuthorId) : IDomainEvent;
