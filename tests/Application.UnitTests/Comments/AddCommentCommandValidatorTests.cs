using CleanApp.Application.Comments.Commands.AddComment;

namespace CleanApp.Application.UnitTests.Comments;

public sealed class AddCommentCommandValidatorTests
{
    [TestCase("Nice", true)]
    [TestCase("", false)]
    [TestCase("  ", false)]
    [TestCase(null, false)]
    public void The_body_is_required(string? body, bool valid) =>
        Assert.That(new AddCommentCommandValidator().Validate(new AddCommentCommand("slug", body)).IsValid, Is.EqualTo(valid));

    [Test]
    public void The_body_is_bounded() =>
        Assert.That(new AddCommentCommandValidator().Validate(new AddCommentCommand("slug", new string('c', 8193))).IsValid, Is.False);
}
