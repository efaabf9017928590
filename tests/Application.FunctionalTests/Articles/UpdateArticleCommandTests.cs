using CleanApp.Application.Articles.Commands.UpdateArticle;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Common.Models;
using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.FunctionalTests.Articles;

public sealed class UpdateArticleCommandTests : AppFixture
{
    [Test]
    public async Task Only_present_fields_change_and_updatedAt_moves_while_createdAt_stays()
    {
        var author = await App.RegisterAsync();
        var created = await App.CreateArticleAsync(author, null, "keep");

        var updated = await App.SendAsync(new UpdateArticleCommand(created.Slug) { Body = "New body" }, author.Id);

        Assert.Multiple(() =>
        {
            Assert.That(updated.Slug, Is.EqualTo(created.Slug));
            Assert.That(updated.Title, Is.EqualTo(created.Title));
            Assert.That(updated.Description, Is.EqualTo(created.Description));
            Assert.That(updated.Body, Is.EqualTo("New body"));
            Assert.That(updated.TagList, Is.EqualTo(new[] { "keep" }));
            Assert.That(updated.CreatedAt, Is.EqualTo(created.CreatedAt));
            Assert.That(updated.UpdatedAt, Is.GreaterThan(created.UpdatedAt));
        });
    }

    [Test]
    public async Task A_new_title_regenerates_the_slug()
    {
        var author = await App.RegisterAsync();
        var created = await App.CreateArticleAsync(author);
        var title = ConduitHelpers.Unique("Brand new");

        var updated = await App.SendAsync(new UpdateArticleCommand(created.Slug) { Title = title }, author.Id);

        Assert.That(updated.Slug, Is.EqualTo(Slug.FromTitle(title)));
        Assert.That(await App.QueryAsync(db => db.Set<Article>().AnyAsync(a => a.Slug == created.Slug)), Is.False);
    }

    [Test]
    public async Task A_title_taken_by_another_article_gets_a_suffix()
    {
        var author = await App.RegisterAsync();
        var title = ConduitHelpers.Unique("Taken");
        var holder = await App.CreateArticleAsync(author, title);
        var other = await App.CreateArticleAsync(author);

        var updated = await App.SendAsync(new UpdateArticleCommand(other.Slug) { Title = title }, author.Id);

        Assert.That(updated.Slug, Is.Not.EqualTo(holder.Slug));
        Assert.That(updated.Slug, Does.StartWith(holder.Slug + "-"));
    }

    [Test]
    public async Task Tag_list_empty_removes_all_and_replacement_is_normalized()
    {
        var author = await App.RegisterAsync();
        var created = await App.CreateArticleAsync(author, null, "a", "b");

        var replaced = await App.SendAsync(new UpdateArticleCommand(created.Slug) { TagList = new[] { "c", " a ", "c" } }, author.Id);
        Assert.That(replaced.TagList, Is.EqualTo(new[] { "a", "c" }));

        var cleared = await App.SendAsync(new UpdateArticleCommand(created.Slug) { TagList = Array.Empty<string>() }, author.Id);
        Assert.That(cleared.TagList, Is.Empty);
        Assert.That(await App.QueryAsync(db => db.Set<ArticleTag>().CountAsync(t => t.Name == "a" || t.Name == "c")), Is.Zero);
    }

    [Test]
    public async Task Unknown_slug_is_not_found_before_ownership_is_checked()
    {
        var someone = await App.RegisterAsync();
        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            App.SendAsync(new UpdateArticleCommand("no-such-slug") { Body = "x" }, someone.Id)
        );
        Assert.That(error!.Key, Is.EqualTo("article"));
    }

    [Test]
    public async Task Someone_else_is_forbidden_and_nothing_changes()
    {
        var author = await App.RegisterAsync();
        var other = await App.RegisterAsync();
        var created = await App.CreateArticleAsync(author);

        var error = await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            App.SendAsync(new UpdateArticleCommand(created.Slug) { Body = "hijack" }, other.Id)
        );

        Assert.That(error!.Key, Is.EqualTo("article"));
        var stored = await App.QueryAsync(db => db.Set<Article>().SingleAsync(a => a.Slug == created.Slug));
        Assert.That(stored.Body, Is.EqualTo("A body"));
    }

    [Test]
    public async Task A_null_tag_list_or_blank_title_is_a_validation_error()
    {
        var author = await App.RegisterAsync();
        var created = await App.CreateArticleAsync(author, null, "keep");

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(
                new UpdateArticleCommand(created.Slug) { TagList = new Optional<IReadOnlyList<string?>?>(null), Title = "" },
                author.Id
            )
        );

        Assert.That(error!.Errors.Keys, Is.EquivalentTo(new[] { "tagList", "title" }));
    }
}
