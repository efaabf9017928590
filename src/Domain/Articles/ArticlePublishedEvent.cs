using CleanApp.Domain.Common;

namespace CleanApp.Domain.Articles;

/// <summary>
/// An article became public: raised by <see cref="Article.Publish"/> (at creation, on the publish endpoint, or by the
/// scheduled job), not at creation of a draft. It may be published while the article is being saved, before its database
/// <see cref="Article.Id"/> is assigned: the event names the article by its <see cref="Article.PublicId"/>.
/// </summary>
public sealed record ArticlePublishedEvent(Guid ArticlePublicId, Guid AuthorId) : IDomainEvent;
