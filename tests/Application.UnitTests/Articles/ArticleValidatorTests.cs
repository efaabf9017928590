using CleanApp.Application.Articles.Commands.CreateArticle;
using CleanApp.Application.Articles.Commands.UpdateArticle;
using CleanApp.Application.Articles.Queries.GetFeed;
using CleanApp.Application.Articles.Queries.ListArticles;
using CleanApp.Application.Common.Models;

namespace CleanApp.Application.UnitTests.Articles;

public sealed class ArticleValidatorTests
{
    // Only publishAt reads the clock, and no case here sends one; the publication rules have their own tests.
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly CreateArticleCommand ValidCreate = new()
    {
        Title = "T",
        Description = "D",
        Body = "B",
        TagList = new[] { "a" },
    };

    [Test]
    public void A_complete_create_command_is_valid() =>
        Assert.That(new CreateArticleCommandValidator(Clock).Validate(ValidCreate).IsValid, Is.True);

    [Test]
    public void Create_requires_title_description_and_body()
    {
        var result = new CreateArticleCommandValidator(Clock).Validate(
            new CreateArticleCommand
            {
                Title = "",
                Description = " ",
                Body = null,
            }
        );
        Assert.That(result.Errors.Select(e => e.ErrorMessage), Has.All.EqualTo("can't be blank"));
        Assert.That(result.Errors, Has.Count.EqualTo(3));
    }

    [Test]
    public void Create_refuses_a_null_tag_list_but_not_an_absent_one()
    {
        var validator = new CreateArticleCommandValidator(Clock);
        Assert.That(validator.Validate(ValidCreate with { TagList = new Optional<IReadOnlyList<string?>?>(null) }).IsValid, Is.False);
        Assert.That(validator.Validate(ValidCreate with { TagList = Optional<IReadOnlyList<string?>?>.Absent }).IsValid, Is.True);
    }

    [Test]
    public void Create_refuses_blank_over_long_or_too_many_tags()
    {
        var validator = new CreateArticleCommandValidator(Clock);
        Assert.That(validator.Validate(ValidCreate with { TagList = new[] { "ok", " " } }).IsValid, Is.False);
        Assert.That(validator.Validate(ValidCreate with { TagList = new[] { new string('t', 65) } }).IsValid, Is.False);
        Assert.That(
            validator.Validate(ValidCreate with { TagList = Enumerable.Range(0, 33).Select(i => $"t{i}").ToArray() }).IsValid,
            Is.False
        );
    }

    [TestCase(257, 1, 1)]
    [TestCase(1, 1025, 1)]
    [TestCase(1, 1, 65537)]
    public void Create_refuses_over_long_text(int title, int description, int body)
    {
        var command = new CreateArticleCommand
        {
            Title = new string('t', title),
            Description = new string('d', description),
            Body = new string('b', body),
        };
        Assert.That(new CreateArticleCommandValidator(Clock).Validate(command).IsValid, Is.False);
    }

    [Test]
    public void Update_validates_only_present_fields()
    {
        var validator = new UpdateArticleCommandValidator(Clock);
        Assert.That(validator.Validate(new UpdateArticleCommand("s")).IsValid, Is.True);
        Assert.That(validator.Validate(new UpdateArticleCommand("s") { Body = "new" }).IsValid, Is.True);
        Assert.That(validator.Validate(new UpdateArticleCommand("s") { Title = "" }).IsValid, Is.False);
        Assert.That(validator.Validate(new UpdateArticleCommand("s") { Description = null }).IsValid, Is.False);
        Assert.That(
            validator.Validate(new UpdateArticleCommand("s") { TagList = new Optional<IReadOnlyList<string?>?>(null) }).IsValid,
            Is.False
        );
        Assert.That(validator.Validate(new UpdateArticleCommand("s") { TagList = Array.Empty<string>() }).IsValid, Is.True);
    }

    [TestCase(1, 0, true)]
    [TestCase(100, 1_000_000, true)]
    [TestCase(0, 0, false)]
    [TestCase(101, 0, false)]
    [TestCase(20, -1, false)]
    [TestCase(20, 1_000_001, false)]
    public void Paging_bounds_are_enforced_for_list_and_feed(int limit, int offset, bool valid)
    {
        Assert.That(
            new ListArticlesQueryValidator().Validate(new ListArticlesQuery { Limit = limit, Offset = offset }).IsValid,
            Is.EqualTo(valid)
        );
        Assert.That(new GetFeedQueryValidator().Validate(new GetFeedQuery { Limit = limit, Offset = offset }).IsValid, Is.EqualTo(valid));
    }
}
