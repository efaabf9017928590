using CleanApp.Domain.Articles;
using CleanApp.Domain.Common;

namespace CleanApp.Domain.UnitTests.Articles;

public sealed class TagNamesTests
{
    [Test]
    public void Names_are_trimmed_deduplicated_and_sorted_ordinally_keeping_case()
    {
        var names = TagNames.Normalize(["training", " dragons ", "Zebra", "training", "d_x"]);
        Assert.That(names, Is.EqualTo(new[] { "Zebra", "d_x", "dragons", "training" }));
    }

    [Test]
    public void Duplicates_are_found_ignoring_case_and_the_first_spelling_wins() =>
        Assert.That(TagNames.Normalize(["Go", "go", "GO", "rust"]), Is.EqualTo(new[] { "Go", "rust" }));

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void A_blank_name_is_refused(string? blank)
    {
        var error = Assert.Throws<DomainException>(() => TagNames.Normalize(["ok", blank]));
        Assert.That(error!.Key, Is.EqualTo("tagList"));
    }

    [Test]
    public void An_over_long_name_is_refused() =>
        Assert.Throws<DomainException>(() => TagNames.Normalize([new string('t', ArticleConstraints.TagMaxLength + 1)]));

    [Test]
    public void A_name_of_exactly_the_maximum_length_is_accepted() =>
        Assert.That(TagNames.Normalize([new string('t', ArticleConstraints.TagMaxLength)]), Has.Count.EqualTo(1));

    [Test]
    public void Too_many_distinct_tags_are_refused_but_duplicates_do_not_count() =>
        Assert.Multiple(() =>
        {
            Assert.Throws<DomainException>(() =>
                TagNames.Normalize(Enumerable.Range(0, ArticleConstraints.MaxTags + 1).Select(i => $"t{i}"))
            );
            Assert.That(TagNames.Normalize(Enumerable.Repeat("same", ArticleConstraints.MaxTags + 5)), Has.Count.EqualTo(1));
        });
}
