using CleanApp.Domain.Articles;

namespace CleanApp.Domain.UnitTests.Articles;

public sealed class SlugTests
{
    [TestCase("How to train your dragon", "how-to-train-your-dragon")]
    [TestCase("  Hello,   World!  ", "hello-world")]
    [TestCase("C# & .NET: 10 tips", "c-net-10-tips")]
    [TestCase("snake_case-and--dashes", "snake-case-and-dashes")]
    [TestCase("Ünïcödé Títle", "ünïcödé-títle")]
    [TestCase("!!!", "article")]
    [TestCase("", "article")]
    public void From_title_is_lower_case_letters_and_digits_joined_by_single_hyphens(string title, string expected) =>
        Assert.That(Slug.FromTitle(title), Is.EqualTo(expected));

    [Test]
    public void A_very_long_title_is_cut_to_the_title_bound()
    {
        var slug = Slug.FromTitle(string.Join(' ', Enumerable.Repeat("word", 200)));
        Assert.That(slug, Has.Length.LessThanOrEqualTo(ArticleConstraints.TitleMaxLength));
        Assert.That(slug, Does.Not.EndWith("-"));
    }

    [Test]
    public void Random_suffixes_are_short_url_safe_and_distinct()
    {
        var slugs = Enumerable.Range(0, 1000).Select(_ => Slug.WithRandomSuffix("title")).ToList();
        Assert.That(slugs, Is.Unique);
        Assert.That(slugs, Has.All.Match("^title-[a-z0-9]{6}$"));
        Assert.That(slugs.Max(s => s.Length), Is.LessThanOrEqualTo(ArticleConstraints.SlugMaxLength));
    }

    [Test]
    public void Feed_is_reserved_because_a_fixed_route_shadows_it()
    {
        Assert.That(Slug.IsReserved("feed"), Is.True);
        Assert.That(Slug.IsReserved("feeding"), Is.False);
    }
}
