using CleanApp.Domain.Common;
using CleanApp.Domain.Users;

namespace CleanApp.Domain.Articles;

/// <summary>
/// An article written by one author. Text fields are never blank and stay within <see cref="ArticleConstraints"/>; the
/// tag list is always in normal form (<see cref="TagNames"/>); the slug is derived from the title and changes with it.
/// <para>
/// Publication (ADR 0040): a new article is a draft until <see cref="Publish"/>; <see cref="Schedule"/> sets a future
/// time at which a background job publishes it; <see cref="ReturnToDraft"/> takes it back. <see cref="PublishedAt"/>
/// set means published (and <see cref="PublishAt"/> is then null); only <see cref="PublishAt"/> set means scheduled;
/// neither means draft. Readers other than the author see published articles only (Application's ArticleVisibility).
/// </para>
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

    /// <summary>When it became public (UTC, milliseconds); lists are ordered by it. Null while a draft or scheduled.</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>The future time a scheduled article is to be published at; null unless <see cref="Status"/> is scheduled.</summary>
    public DateTime? PublishAt { get; private set; }

    /// <summary>
    /// The id (from the job port) of the pending job that publishes a scheduled article, so rescheduling, publishing early
    /// or returning to draft can cancel it. Opaque here.
    /// </summary>
    public string? PublicationJobId { get; private set; }

    public ArticleStatus Status =>
        PublishedAt is not null ? ArticleStatus.Published
        : PublishAt is not null ? ArticleStatus.Scheduled
        : ArticleStatus.Draft;

    /// <summary>A new article is a draft; the caller publishes or schedules it (<see cref="Publish"/>, <see cref="Schedule"/>).</summary>
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
        return article;
    }

    /// <summary>
    /// Makes the article public now, ending any schedule, and raises <see cref="ArticlePublishedEvent"/> (followers are
    /// told; each at most once per article, ADR 0014). Publishing a published article changes nothing and returns false.
    /// </summary>
    public bool Publish(DateTime now)
    {
        if (PublishedAt is not null)
        {
            return false;
        }

        PublishedAt = TruncateToMilliseconds(now);
        PublishAt = null;
        AddDomainEvent(new ArticlePublishedEvent(PublicId, AuthorId));
        return true;
    }

    /// <summary>Schedules a draft (or reschedules a scheduled article) for <paramref name="publishAt"/> (UTC), which must be ahead of <paramref name="now"/>.</summary>
    public void Schedule(DateTime publishAt, DateTime now)
    {
        if (PublishedAt is not null)
        {
            throw new DomainException("publishAt", "can't be set on a published article (unpublish it first)");
        }

        var at = TruncateToMilliseconds(publishAt);
        if (at <= now)
        {
            throw new DomainException("publishAt", "must be in the future");
        }

        if (at > now + ArticleConstraints.MaxScheduleAhead)
        {
            throw new DomainException("publishAt", $"must be within {ArticleConstraints.MaxScheduleAhead.TotalDays:0} days from now");
        }

        PublishAt = at;
    }

    /// <summary>Back to draft, from published (unpublish) or scheduled (the scheduled time will pass without effect).</summary>
    public void ReturnToDraft()
    {
        PublishedAt = null;
        PublishAt = null;
    }

    /// <summary>Records the job that will publish the scheduled article (null: none pending).</summary>
    public void TrackPublicationJob(string? jobId) => PublicationJobId = jobId;

    /// <summary>
    /// True when a publication job scheduled for <paramref name="scheduledFor"/> still stands: the article is still
    /// scheduled, for that same time. A job left behind by a reschedule or a return to draft finds false and does nothing.
    /// </summary>
    public bool IsScheduledFor(DateTime scheduledFor) => PublishedAt is null && PublishAt == scheduledFor;

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

    private static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

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
