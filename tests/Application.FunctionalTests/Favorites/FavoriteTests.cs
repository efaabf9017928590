using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Favorites.Commands.FavoriteArticle;
using CleanApp.Application.Favorites.Commands.UnfavoriteArticle;
using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Domain.Articles;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.FunctionalTests.Favorites;

public sealed class FavoriteArticleCommandTests : AppFixture
{
    [Test]
    public async Task Favoriting_twice_stores_one_row()
    {
        var author = await App.RegisterAsync();
        var fan = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);

        var first = await App.SendAsync(new FavoriteArticleCommand(article.Slug), fan.Id);
        var second = await App.SendAsync(new FavoriteArticleCommand(article.Slug), fan.Id);

        Assert.That(first.Favorited && second.Favorited, Is.True);
        Assert.That(second.FavoritesCount, Is.EqualTo(1));
        Assert.That(await App.QueryAsync(db => db.Set<Favorite>().CountAsync(f => f.UserId == fan.Id)), Is.EqualTo(1));
    }

    [Test]
    public async Task Parallel_favorites_by_many_users_count_exactly()
    {
        var author = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);
        var fans = new List<AppUser>();
        for (var i = 0; i < 16; i++)
        {
            fans.Add(await App.RegisterAsync("fan"));
        }

        await Task.WhenAll(fans.Select(f => App.SendAsync(new FavoriteArticleCommand(article.Slug), f.Id)));
        await Task.WhenAll(fans.Select(f => App.SendAsync(new FavoriteArticleCommand(article.Slug), f.Id)));

        var id = await App.QueryAsync(db => db.Set<Article>().Where(a => a.Slug == article.Slug).Select(a => a.Id).SingleAsync());
        Assert.That(await App.QueryAsync(db => db.Set<Favorite>().CountAsync(f => f.ArticleId == id)), Is.EqualTo(16));
        var dto = await App.SendAsync(new CleanApp.Application.Articles.Queries.GetArticle.GetArticleQuery(article.Slug));
        Assert.That(dto.FavoritesCount, Is.EqualTo(16));
    }

    [Test]
    public async Task Unknown_article_is_not_found()
    {
        var fan = await App.RegisterAsync();
        var error = await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new FavoriteArticleCommand("no-such-slug"), fan.Id));
        Assert.That(error!.Key, Is.EqualTo("article"));
    }
}

public sealed class UnfavoriteArticleCommandTests : AppFixture
{
    [Test]
    public async Task Unfavoriting_removes_the_row_and_is_idempotent()
    {
        var author = await App.RegisterAsync();
        var fan = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);
        await App.SendAsync(new FavoriteArticleCommand(article.Slug), fan.Id);

        var first = await App.SendAsync(new UnfavoriteArticleCommand(article.Slug), fan.Id);
        var second = await App.SendAsync(new UnfavoriteArticleCommand(article.Slug), fan.Id);

        Assert.That(first.Favorited || second.Favorited, Is.False);
        Assert.That(second.FavoritesCount, Is.Zero);
        Assert.That(await App.QueryAsync(db => db.Set<Favorite>().CountAsync(f => f.UserId == fan.Id)), Is.Zero);
    }

    [Test]
    public async Task Unknown_article_is_not_found()
    {
        var fan = await App.RegisterAsync();
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new UnfavoriteArticleCommand("no-such-slug"), fan.Id));
    }
}
