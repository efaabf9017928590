using CleanApp.Application.Comments.Commands.AddComment;
using CleanApp.Application.Comments.Commands.DeleteComment;
using CleanApp.Application.Comments.Queries.GetComments;
using CleanApp.Application.Common.Exceptions;
using CleanApp.Application.FunctionalTests.Support;
using CleanApp.Application.Profiles.Commands.FollowUser;
using CleanApp.Domain.Comments;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Application.FunctionalTests.Comments;

public sealed class AddCommentCommandTests : AppFixture
{
    [Test]
    public async Task Stores_the_comment_and_returns_it_with_an_id_and_author()
    {
        var author = await App.RegisterAsync();
        var commenter = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);

        var dto = await App.SendAsync(new AddCommentCommand(article.Slug, "Nice"), commenter.Id);

        Assert.That(dto.Id, Is.Positive);
        Assert.That(dto.Body, Is.EqualTo("Nice"));
        Assert.That(dto.Author.Username, Is.EqualTo(commenter.Username));
        Assert.That(dto.CreatedAt, Is.EqualTo(dto.UpdatedAt));
        var stored = await App.QueryAsync(db => db.Set<Comment>().SingleAsync(c => c.Id == dto.Id));
        Assert.That(stored.AuthorId, Is.EqualTo(commenter.Id));
    }

    [Test]
    public async Task Blank_or_over_long_body_is_a_validation_error()
    {
        var author = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);
        await Assert.ThrowsAsync<ValidationException>(() => App.SendAsync(new AddCommentCommand(article.Slug, "  "), author.Id));
        await Assert.ThrowsAsync<ValidationException>(() =>
            App.SendAsync(new AddCommentCommand(article.Slug, new string('x', 8193)), author.Id)
        );
    }

    [Test]
    public async Task Unknown_article_is_not_found()
    {
        var author = await App.RegisterAsync();
        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            App.SendAsync(new AddCommentCommand("no-such-slug", "hi"), author.Id)
        );
        Assert.That(error!.Key, Is.EqualTo("article"));
    }
}

public sealed class GetCommentsQueryTests : AppFixture
{
    [Test]
    public async Task Lists_every_comment_newest_first_with_following_for_the_caller()
    {
        var author = await App.RegisterAsync();
        var commenter = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);
        var first = await App.SendAsync(new AddCommentCommand(article.Slug, "first"), commenter.Id);
        var second = await App.SendAsync(new AddCommentCommand(article.Slug, "second"), commenter.Id);
        await App.SendAsync(new FollowUserCommand(commenter.Username), author.Id);

        var anonymous = await App.SendAsync(new GetCommentsQuery(article.Slug));
        var asAuthor = await App.SendAsync(new GetCommentsQuery(article.Slug), author.Id);

        Assert.That(anonymous.Select(c => c.Id), Is.EqualTo(new[] { second.Id, first.Id }));
        Assert.That(anonymous.All(c => !c.Author.Following), Is.True);
        Assert.That(asAuthor.All(c => c.Author.Following), Is.True);
    }

    [Test]
    public async Task Unknown_article_is_not_found() =>
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetCommentsQuery("no-such-slug")));
}

public sealed class DeleteCommentCommandTests : AppFixture
{
    [Test]
    public async Task The_author_deletes_the_comment()
    {
        var author = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);
        var comment = await App.SendAsync(new AddCommentCommand(article.Slug, "bye"), author.Id);

        await App.SendAsync(new DeleteCommentCommand(article.Slug, comment.Id), author.Id);

        Assert.That(await App.QueryAsync(db => db.Set<Comment>().AnyAsync(c => c.Id == comment.Id)), Is.False);
    }

    [Test]
    public async Task Someone_else_is_forbidden_and_the_comment_survives()
    {
        var author = await App.RegisterAsync();
        var other = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);
        var comment = await App.SendAsync(new AddCommentCommand(article.Slug, "stay"), author.Id);

        var error = await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            App.SendAsync(new DeleteCommentCommand(article.Slug, comment.Id), other.Id)
        );

        Assert.That(error!.Key, Is.EqualTo("comment"));
        Assert.That(await App.QueryAsync(db => db.Set<Comment>().AnyAsync(c => c.Id == comment.Id)), Is.True);
    }

    [Test]
    public async Task Unknown_article_then_unknown_comment_are_not_found_in_that_order()
    {
        var author = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);
        var other = await App.CreateArticleAsync(author);
        var comment = await App.SendAsync(new AddCommentCommand(other.Slug, "elsewhere"), author.Id);

        var noArticle = await Assert.ThrowsAsync<NotFoundException>(() =>
            App.SendAsync(new DeleteCommentCommand("no-such-slug", comment.Id), author.Id)
        );
        var wrongArticle = await Assert.ThrowsAsync<NotFoundException>(() =>
            App.SendAsync(new DeleteCommentCommand(article.Slug, comment.Id), author.Id)
        );

        Assert.That(noArticle!.Key, Is.EqualTo("article"));
        Assert.That(wrongArticle!.Key, Is.EqualTo("comment"));
    }

    [Test]
    public async Task Someone_else_gets_not_found_before_forbidden_for_a_comment_of_another_article()
    {
        var author = await App.RegisterAsync();
        var stranger = await App.RegisterAsync();
        var article = await App.CreateArticleAsync(author);
        var other = await App.CreateArticleAsync(author);
        var comment = await App.SendAsync(new AddCommentCommand(other.Slug, "elsewhere"), author.Id);

        var error = await Assert.ThrowsAsync<NotFoundException>(() =>
            App.SendAsync(new DeleteCommentCommand(article.Slug, comment.Id), stranger.Id)
        );

        Assert.That(error!.Key, Is.EqualTo("comment"));
        Assert.That(await App.QueryAsync(db => db.Set<Comment>().AnyAsync(c => c.Id == comment.Id)), Is.True);
    }
}
