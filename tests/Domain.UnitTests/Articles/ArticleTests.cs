using CleanApp.Domain.Articles;
using CleanApp.Domain.Common;

namespace CleanApp.Domain.UnitTests.Articles;

public sealed class ArticleTests
{
    private static readonly Guid Author = Guid.NewGuid();

    private static Article NewArticle(string title = "My Title", params string[] tags) =>
        Article.Create(Author, title, "Description", "Body", tags);

    [Test]
    public void Create_derives_the_slug_and_normalizes_tags()
    {
        var article = NewArticle("My First Article", "b", " a ", "b");

        Assert.That(article.Slug, Is.EqualTo("my-first-article"));
        Assert.That(article.TagList, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(article.IsAuthoredBy(Author), Is.True);
        Assert.That(article.IsAuthoredBy(Guid.NewGuid()), Is.False);
    }

    private static readonly DateTime Now = new(2026, 3, 4, 5, 6, 7, 890, DateTimeKind.Utc);

    [Test]
    public void Create_makes_a_draft_that_raises_no_event()
    {
        var article = NewArticle();
        var other = NewArticle();

        Assert.That(article.PublicId, Is.Not.EqualTo(Guid.Empty).And.Not.EqualTo(other.PublicId));
        Assert.That(article.Status, Is.EqualTo(ArticleStatus.Draft));
        Assert.That(article.PublishedAt, Is.Null);
        Assert.That(article.DomainEvents, Is.Empty, "nobody is told about a draft");
    }

    [Test]
    public void Publish_raises_ArticlePublishedEvent_naming_the_article_by_its_public_id_once()
    {
        var article = NewArticle();

        Assert.That(article.Publish(Now.AddTicks(1234)), Is.True);
        Assert.That(article.Publish(Now.AddHours(1)), Is.False, "publishing a published article changes nothing");

        Assert.That(article.Status, Is.EqualTo(ArticleStatus.Published));
        Assert.That(article.PublishedAt, Is.EqualTo(Now), "UTC, truncated to milliseconds");
        Assert.That(article.DomainEvents, Is.EqualTo(new IDomainEvent[] { new ArticlePublishedEvent(article.PublicId, Author) }));
    }

    [Test]
    public void Schedule_sets_a_future_time_and_publishing_ends_the_schedule()
    {
        var article = NewArticle();

        article.Schedule(Now.AddDays(1), Now);

        Assert.That(article.Status, Is.EqualTo(ArticleStatus.Scheduled));
        Assert.That(article.IsScheduledFor(Now.AddDays(1)), Is.True);
        Assert.That(article.IsScheduledFor(Now.AddDays(2)), Is.False);
        Assert.That(article.DomainEvents, Is.Empty);

        article.Publish(Now.AddHours(1));

        Assert.That(article.Status, Is.EqualTo(ArticleStatus.Published));
        Assert.That(article.PublishAt, Is.Null);
        Assert.That(article.IsScheduledFor(Now.AddDays(1)), Is.False, "a job left for the old time finds nothing to do");
    }

    [Test]
    public void Schedule_refuses_the_past_the_far_future_and_published_articles()
    {
        var article = NewArticle();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<DomainException>(() => article.Schedule(Now, Now))!.Key, Is.EqualTo("publishAt"));
            Assert.That(Assert.Throws<DomainException>(() => article.Schedule(Now.AddMinutes(-1), Now))!.Key, Is.EqualTo("publishAt"));
            Assert.Throws<DomainException>(() =>
                article.Schedule(Now + ArticleConstraints.MaxScheduleAhead + TimeSpan.FromSeconds(1), Now)
            );
        });
        Assert.That(article.Status, Is.EqualTo(ArticleStatus.Draft));

        article.Publish(Now);
        Assert.Throws<DomainException>(() => article.Schedule(Now.AddDays(1), Now));
        Assert.That(article.Status, Is.EqualTo(ArticleStatus.Published));
    }

    [Test]
    public void ReturnToDraft_unpublishes_or_unschedules()
    {
        var published = NewArticle();
        published.Publish(Now);
        var scheduled = NewArticle();
        scheduled.Schedule(Now.AddDays(1), Now);

        published.ReturnToDraft();
        scheduled.ReturnToDraft();

        Assert.That(published.Status, Is.EqualTo(ArticleStatus.Draft));
        Assert.That(published.PublishedAt, Is.Null);
        Assert.That(scheduled.Status, Is.EqualTo(ArticleStatus.Draft));
        Assert.That(scheduled.IsScheduledFor(Now.AddDays(1)), Is.False);
    }

    [Test]
    public void Editing_an_article_raises_no_further_event()
    {
        var article = NewArticle();
        article.Publish(Now);
        article.ClearDomainEvents();

        article.ChangeTitle("Another title");
        article.ChangeBody("Another body");
        article.ReplaceTags(["x"]);

        Assert.That(article.DomainEvents, Is.Empty);
    }

    [TestCase("title")]
    [TestCase("description")]
    [TestCase("body")]
    public void Blank_text_is_refused_naming_the_field(string field)
    {
        var error = Assert.Throws<DomainException>(() =>
            Article.Create(Author, field == "title" ? " " : "T", field == "description" ? "" : "D", field == "body" ? "\t" : "B", [])
        );
        Assert.That(error!.Key, Is.EqualTo(field));
        Assert.That(error.Message, Is.EqualTo("can't be blank"));
    }

    [Test]
    public void Over_long_text_is_refused() =>
        Assert.Multiple(() =>
        {
            Assert.Throws<DomainException>(() =>
                Article.Create(Author, new string('t', ArticleConstraints.TitleMaxLength + 1), "D", "B", [])
            );
            Assert.Throws<DomainException>(() =>
                Article.Create(Author, "T", new string('d', ArticleConstraints.DescriptionMaxLength + 1), "B", [])
            );
            Assert.Throws<DomainException>(() =>
                Article.Create(Author, "T", "D", new string('b', ArticleConstraints.BodyMaxLength + 1), [])
            );
        });

    [Test]
    public void A_new_title_regenerates_the_slug()
    {
        var article = NewArticle("Old Title");
        article.UseSlug("old-title-abc123");

        article.ChangeTitle("New Title");

        Assert.That(article.Title, Is.EqualTo("New Title"));
        Assert.That(article.Slug, Is.EqualTo("new-title"));
    }

    [Test]
    public void A_title_change_with_the_same_base_keeps_the_unique_slug()
    {
        var article = NewArticle("Old Title");
        article.UseSlug("old-title-abc123");

        article.ChangeTitle("OLD title!");

        Assert.That(article.Slug, Is.EqualTo("old-title-abc123"));
    }

    [Test]
    public void A_slug_must_derive_from_the_title()
    {
        var article = NewArticle("Some Title");
        Assert.Throws<DomainException>(() => article.UseSlug("something-else"));
        Assert.That(article.Slug, Is.EqualTo("some-title"));

        article.UseSlug("some-title-x1y2z3");

        Assert.That(article.Slug, Is.EqualTo("some-title-x1y2z3"));
    }

    [Test]
    public void Replacing_tags_keeps_existing_rows_and_drops_removed_ones()
    {
        var article = NewArticle("T", "a", "b");
        var kept = article.Tags.Single(t => t.Name == "a");

        article.ReplaceTags(["c", "a"]);

        Assert.That(article.TagList, Is.EqualTo(new[] { "a", "c" }));
        Assert.That(article.Tags, Does.Contain(kept));

        article.ReplaceTags([]);
        Assert.That(article.Tags, Is.Empty);
    }

    [Test]
    public void Text_changes_are_validated_too()
    {
        var article = NewArticle();
        Assert.Throws<DomainException>(() => article.ChangeBody(""));
        Assert.Throws<DomainException>(() => article.ChangeDescription(" "));
        Assert.Throws<DomainException>(() => article.ChangeTitle(""));
        Assert.That(article.Title, Is.EqualTo("My Title"));
    }
}
