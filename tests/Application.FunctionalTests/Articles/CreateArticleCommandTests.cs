using CleanApp.Application.Articles.Commands.CreateArticle;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Models;
using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.FunctionalTests.Articles;

public sealed class CreateArticleCommandTests : AppFixture
{
    [Test]
    public async Task Stores_the_article_with_normalized_tags_and_audit_timestamps()
    {
        var author = await App.RegisterAsync();

        var dto = await App.CreateArticleAsync(author, "How to Train Your Dragon", " training ", "dragons", "training");

        Assert.That(dto.Slug, Is.EqualTo("how-to-train-your-dragon"));
        Assert.That(dto.TagList, Is.EqualTo(new[] { "dragons", "training" }));
        Assert.That(dto.Author.Username, Is.EqualTo(author.Username));
        var stored = await App.QueryAsync(db => db.Set<Article>().Include(a => a.Tags).SingleAsync(a => a.Slug == dto.Slug));
        Assert.That(stored.AuthorId, Is.EqualTo(author.Id));
        Assert.That(stored.Tags.Select(t => t.Name), Is.EquivalentTo(new[] { "dragons", "training" }));
        Assert.That(stored.CreatedAt.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That(stored.CreatedAt.Ticks % TimeSpan.TicksPerMillisecond, Is.Zero);
        Assert.That(stored.UpdatedAt, Is.EqualTo(stored.CreatedAt));
    }

    [Test]
    public async Task Same_title_gets_a_suffixed_slug()
    {
        var author = await App.RegisterAsync();
        var title = ConduitHelpers.Unique("Twice");
        var first = await App.CreateArticleAsync(author, title);
        var second = await App.CreateArticleAsync(author, title);

        Assert.That(second.Slug, Is.Not.EqualTo(first.Slug));
        Assert.That(second.Slug, Does.StartWith(first.Slug + "-"));
    }

    [Test]
    public async Task Absent_tag_list_means_no_tags()
    {
        var author = await App.RegisterAsync();
        var dto = await App.SendAsync(
            new CreateArticleCommand
            {
                Title = "T",
                Description = "D",
                Body = "B",
            },
            author.Id
        );
        Assert.That(dto.TagList, Is.Empty);
    }

    [Test]
    public async Task Blank_fields_and_a_null_tag_list_are_validation_errors_and_store_nothing()
    {
        var author = await App.RegisterAsync();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(
                new CreateArticleCommand
                {
                    Title = " ",
                    Description = null,
                    Body = "",
                    TagList = new Optional<IReadOnlyList<string?>?>(null),
                },
                author.Id
            )
        );

        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "title", "description", "body", "tagList" }));
        Assert.That(error.Errors["title"], Is.EqualTo(new[] { "can't be blank" }));
        Assert.That(await App.QueryAsync(db => db.Set<Article>().CountAsync(a => a.AuthorId == author.Id)), Is.Zero);
    }

    [Test]
    public async Task Anonymous_callers_are_refused() =>
        await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            App.SendAsync(
                new CreateArticleCommand
                {
                    Title = "T",
                    Description = "D",
                    Body = "B",
                }
            )
        );
}
