using CleanApp.Application.Articles.Queries.GetArticle;
using CleanApp.Application.Articles.Queries.GetFeed;
using CleanApp.Application.Articles.Queries.ListArticles;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.Favorites.Commands.FavoriteArticle;
using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Application.Profiles.Commands.FollowUser;

namespace CleanApp.Application.FunctionalTests.Articles;

public sealed class GetArticleQueryTests : AppFixture
{
    [Test]
    public async Task Returns_the_article_with_caller_specific_flags()
    {
        var author = await App.RegisterAsync();
        var reader = await App.RegisterAsync();
        var created = await App.CreateArticleAsync(author, null, "z", "a");
        await App.SendAsync(new FavoriteArticleCommand(created.Slug), reader.Id);
        await App.SendAsync(new FollowUserCommand(author.Username), reader.Id);

        var anonymous = await App.SendAsync(new GetArticleQuery(created.Slug));
        var asReader = await App.SendAsync(new GetArticleQuery(created.Slug), reader.Id);

        Assert.Multiple(() =>
        {
            Assert.That(anonymous.Body, Is.EqualTo("A body"));
            Assert.That(anonymous.TagList, Is.EqualTo(new[] { "a", "z" }));
            Assert.That(anonymous.FavoritesCount, Is.EqualTo(1));
            Assert.That(anonymous.Favorited, Is.False);
            Assert.That(anonymous.Author.Following, Is.False);
            Assert.That(asReader.Favorited, Is.True);
            Assert.That(asReader.Author.Following, Is.True);
        });
    }

    [Test]
    public async Task Unknown_slug_is_not_found()
    {
        var error = await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetArticleQuery("no-such-slug")));
        Assert.That(error!.Key, Is.EqualTo("article"));
    }
}

public sealed class ListArticlesQueryTests : AppFixture
{
    [Test]
    public async Task Filters_combine_and_count_is_the_total_of_matches()
    {
        var alice = await App.RegisterAsync("alice");
        var bob = await App.RegisterAsync("bob");
        var tag = ConduitHelpers.Unique("tag");
        var a1 = await App.CreateArticleAsync(alice, null, tag);
        var a2 = await App.CreateArticleAsync(alice, null, tag);
        await App.CreateArticleAsync(alice);
        var b1 = await App.CreateArticleAsync(bob, null, tag);
        await App.SendAsync(new FavoriteArticleCommand(a1.Slug), bob.Id);

        var byTag = await App.SendAsync(new ListArticlesQuery { Tag = tag, Limit = 2 });
        var byTagAndAuthor = await App.SendAsync(new ListArticlesQuery { Tag = tag, Author = alice.Username });
        var favoritedByBob = await App.SendAsync(new ListArticlesQuery { Favorited = bob.Username }, bob.Id);
        var unknown = await App.SendAsync(new ListArticlesQuery { Author = "nobody_at_all" });

        Assert.Multiple(() =>
        {
            Assert.That(byTag.ArticlesCount, Is.EqualTo(3));
            Assert.That(byTag.Articles.Select(a => a.Slug), Is.EqualTo(new[] { b1.Slug, a2.Slug }));
            Assert.That(byTagAndAuthor.Articles.Select(a => a.Slug), Is.EqualTo(new[] { a2.Slug, a1.Slug }));
            Assert.That(favoritedByBob.Articles.Select(a => a.Slug), Is.EqualTo(new[] { a1.Slug }));
            Assert.That(favoritedByBob.Articles[0].Favorited, Is.True);
            Assert.That(favoritedByBob.Articles[0].FavoritesCount, Is.EqualTo(1));
            Assert.That(unknown.ArticlesCount, Is.Zero);
            Assert.That(unknown.Articles, Is.Empty);
        });
    }

    [Test]
    public async Task Offset_pages_through_newest_first()
    {
        var author = await App.RegisterAsync();
        var slugs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            slugs.Add((await App.CreateArticleAsync(author)).Slug);
        }

        var second = await App.SendAsync(
            new ListArticlesQuery
            {
                Author = author.Username,
                Limit = 2,
                Offset = 2,
            }
        );

        Assert.That(second.Articles.Select(a => a.Slug), Is.EqualTo(new[] { slugs[1], slugs[0] }));
        Assert.That(second.ArticlesCount, Is.EqualTo(4));
    }

    [TestCase(0, 0)]
    [TestCase(101, 0)]
    [TestCase(-5, 0)]
    [TestCase(20, -1)]
    public async Task Out_of_range_paging_is_a_validation_error(int limit, int offset) =>
        await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new ListArticlesQuery { Limit = limit, Offset = offset }));
}

public sealed class GetFeedQueryTests : AppFixture
{
    [Test]
    public async Task Holds_only_articles_of_followed_authors()
    {
        var reader = await App.RegisterAsync();
        var followed = await App.RegisterAsync();
        var stranger = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(followed);
        await App.CreateArticleAsync(stranger);
        await App.CreateArticleAsync(reader);

        var before = await App.SendAsync(new GetFeedQuery(), reader.Id);
        await App.SendAsync(new FollowUserCommand(followed.Username), reader.Id);
        var after = await App.SendAsync(new GetFeedQuery(), reader.Id);

        Assert.That(before.ArticlesCount, Is.Zero);
        Assert.That(after.Articles.Select(a => a.Slug), Is.EqualTo(new[] { article.Slug }));
        Assert.That(after.Articles[0].Author.Following, Is.True);
    }

    [Test]
    public async Task Anonymous_callers_are_refused() =>
        await Assert.ThrowsAsync<AuthenticationFailedException>(() => App.SendAsync(new GetFeedQuery()));
}
