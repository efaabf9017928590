using CleanApp.Domain.Common;
using CleanApp.Domain.Users;

namespace CleanApp.Domain.Articles;

/// <summary>
/// An article written by one author. Text fields are never blank and stay within <see cref="ArticleConstraints"/>; the
/// tag list is always in normal form (<see cref="TagNames"/>); the slug is derived from the title and changes with it.
/// </summary>
public sealed class Article : BaseEntity, IAuditable
{
    private readonly List<ArticleTag> _tags = [];

    private readonly List<Favorite> _favorites = [];

    private Article(Guid publicId, Guid authorId, string slug, string title, string description, string body)
    {
        PublicId = publicId;
        AuthorId = authorId;
        Slug = slug;
        Title = title;
        Description = description;
        Body = body;
    }

    public int Id { get; private set; }

    /// <summary>
    /// A stable identity known from creation, before the database assigns <see cref="Id"/>: domain events and
    /// background jobs name the article by it (<see cref="ArticlePublishedEvent"/>).
    /// </summary>
    public Guid PublicId { get; private set; }

    public string Slug { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public string Body { get; private set; }

    public Guid AuthorId { get; private set; }

    /// <summary>Navigation for read-side projections; commands use <see cref="AuthorId"/>.</summary>
    public User Author { get; private set; } = null!;

    public IReadOnlyCollection<ArticleTag> Tags => _tags.AsReadOnly();

    /// <summary>
    /// Navigation for read-side projections (<c>favorited</c>, <c>favoritesCount</c>); never loaded by commands, which add
    /// and remove <see cref="Favorite"/> rows by their key.
    /// </summary>
    public IReadOnlyCollection<Favorite> Favorites => _favorites.AsReadOnly();

    public IEnumerable<string> TagList => _tags.Select(t => t.Name).Order(StringComparer.Ordinal);

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// When a moderator hid the article; null while it is public. Hidden articles are left out of every public read
    /// except for their author (<c>Application/Articles/ArticleVisibility.cs</c>). Moderation sets and clears it with one
    /// keyed UPDATE, so hiding never counts as an edit (<see cref="UpdatedAt"/> stays).
    /// </summary>
    public DateTime? HiddenAt { get; private set; }

    public static Article Create(Guid authorId, string title, string description, string body, IEnumerable<string?> tags)
    {
        var requiredTitle = Require("title", title, ArticleConstraints.TitleMaxLength);
        var article = new Article(
            Guid.NewGuid(),
            authorId,
            Articles.Slug.FromTitle(requiredTitle),
            requiredTitle,
            Require("description", description, ArticleConstraints.DescriptionMaxLength),
            Require("body", body, ArticleConstraints.BodyMaxLength)
        );
        article.ReplaceTags(tags);
        article.AddDomainEvent(new ArticlePublishedEvent(article.PublicId, authorId));
        return article;
    }

    public bool IsAuthoredBy(Guid userId) => AuthorId == userId;

    /// <summary>A new title regenerates the slug from it (the caller makes it unique with <see cref="UseSlug"/>).</summary>
    public void ChangeTitle(string title)
    {
        var newTitle = Require("title", title, ArticleConstraints.TitleMaxLength);
        var baseSlug = Articles.Slug.FromTitle(newTitle);

        // A change that keeps the same base (e.g. only punctuation or case) keeps the current, already unique slug.
        if (baseSlug != Articles.Slug.FromTitle(Title))
        {
            Slug = baseSlug;
        }

        Title = newTitle;
    }

    public void ChangeDescription(string description) =>
        Description = Require("description", description, ArticleConstraints.DescriptionMaxLength);

    public void ChangeBody(string body) => Body = Require("body", body, ArticleConstraints.BodyMaxLength);

    /// <summary>Replaces the tag list; names are normalized, and tags already present keep their rows.</summary>
    public void ReplaceTags(IEnumerable<string?> tags)
    {
        var names = TagNames.Normalize(tags);
        _tags.RemoveAll(t => !names.Contains(t.Name, StringComparer.Ordinal));
        foreach (var name in names.Where(n => !_tags.Exists(t => string.Equals(t.Name, n, StringComparison.Ordinal))))
        {
            _tags.Add(new ArticleTag(name));
        }
    }

    /// <summary>Sets a unique variant of the title's slug, chosen by the caller after a clash.</summary>
    public void UseSlug(string slug)
    {
        var baseSlug = Articles.Slug.FromTitle(Title);
        if (slug != baseSlug && !slug.StartsWith(baseSlug + "-", StringComparison.Ordinal))
        {
            throw new DomainException("slug", "must derive from the title");
        }

        Slug = slug;
    }

    private static string Require(string key, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(key, "can't be blank");
        }

        if (value.Length > maxLength)
        {
            throw new DomainException(key, $"is too long (maximum is {maxLength} characters)");
        }

        return value;
    }
}
