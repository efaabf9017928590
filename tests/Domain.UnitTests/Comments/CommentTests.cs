using CleanApp.Domain.Articles;
using CleanApp.Domain.Comments;
using CleanApp.Domain.Common;

namespace CleanApp.Domain.UnitTests.Comments;

public sealed class CommentTests
{
    [Test]
    public void A_comment_belongs_to_its_author()
    {
        var author = Guid.NewGuid();
        var comment = Comment.Create(1, author, "Nice");
        Assert.That(comment.IsAuthoredBy(author), Is.True);
        Assert.That(comment.IsAuthoredBy(Guid.NewGuid()), Is.False);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_body_is_refused(string body)
    {
        var error = Assert.Throws<DomainException>(() => Comment.Create(1, Guid.NewGuid(), body));
        Assert.That(error!.Key, Is.EqualTo("body"));
    }

    [Test]
    public void An_over_long_body_is_refused() =>
        Assert.Throws<DomainException>(() =>
            Comment.Create(1, Guid.NewGuid(), new string('c', ArticleConstraints.CommentBodyMaxLength + 1))
        );
}
