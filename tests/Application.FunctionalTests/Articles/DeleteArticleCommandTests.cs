using CleanApp.Application.Articles.Commands.DeleteArticle;
using CleanApp.Application.Comments.Commands.AddComment;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Favorites.Commands.FavoriteArticle;
using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Domain.Articles;
using CleanApp.Domain.Comments;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.FunctionalTests.Articles;

public sealed class DeleteArticleCommandTests : AppFixture
{
    [Test]
    public async Task Deleting_removes_the_article_its_tags_comments_and_favorites()
    {
        var author = await App.RegisterAsync();
        var fan = await App.RegisterAsync();
        var created = await App.CreateArticleAsync(author, null, "gone");
        await App.SendAsync(new FavoriteArticleCommand(created.Slug), fan.Id);
        await App.SendAsync(new AddCommentCommand(created.Slug, "hello"), fan.Id);
        var id = await App.QueryAsync(db => db.Set<Article>().Where(a => a.Slug == created.Slug).Select(a => a.Id).SingleAsync());

        await App.SendAsync(new DeleteArticleCommand(created.Slug), author.Id);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await App.QueryAsync(db => db.Set<Article>().AnyAsync(a => a.Id == id)), Is.False);
            Assert.That(await App.QueryAsync(db => db.Set<ArticleTag>().AnyAsync(t => t.ArticleId == id)), Is.False);
            Assert.That(await App.QueryAsync(db => db.Set<Comment>().AnyAsync(c => c.ArticleId == id)), Is.False);
            Assert.That(await App.QueryAsync(db => db.Set<Favorite>().AnyAsync(f => f.ArticleId == id)), Is.False);
        });
    }

    [Test]
    public async Task Someone_else_is_forbidden_and_the_article_survives()
    {
        var author = await App.RegisterAsync();
        var other = await App.RegisterAsync();
        var created = await App.CreateArticleAsync(author);

        var error = await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            App.SendAsync(new DeleteArticleCommand(created.Slug), other.Id)
        );

        Assert.That(error!.Key, Is.EqualTo("article"));
        Assert.That(await App.QueryAsync(db => db.Set<Article>().AnyAsync(a => a.Slug == created.Slug)), Is.True);
    }

    [Test]
    public async Task Unknown_slug_is_not_found()
    {
        var someone = await App.RegisterAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DeleteArticleCommand("no-such-slug"), someone.Id));
    }
}
