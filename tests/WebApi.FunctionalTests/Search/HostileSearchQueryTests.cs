using System.Net;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.Search;

/// <summary>
/// Any query string is safe (ADR 0041): FTS5 and CONTAINS syntax, quotes, operators, wildcards, unbalanced parentheses,
/// SQL, 10 KB of text, lone surrogates, non-characters, bad paging. Each case has its exact outcome: 200 with the hits it
/// must find, or a 422 naming the parameter, never a 500, and never anything but the one article that has the word.
/// </summary>
public sealed class HostileSearchQueryTests : ApiFixture
{
    /// <summary>Every operator and keyword the cases use is also an ordinary word of the article, so each case must find it.</summary>
    private const string Vocabulary =
        "An echidna and a NEAR b, or not: title body drop table articles formsof inflectional isabout weight 8 x 2 unrelated";

    private string _slug = null!;

    protected override void Configure(CleanAppFactory factory) => factory.WithSetting("Jobs:Enabled", "false");

    [OneTimeSetUp]
    public async Task Arrange()
    {
        var author = await Client.RegisterAsync("author");
        _slug = (await Client.WriteArticleAsync(author.Token, title: "The echidna near the river", body: Vocabulary))["slug"].Str();
        await Client.WriteArticleAsync(author.Token, title: "Unrelated", body: "Nothing to see");
    }

    /// <summary>
    /// Every word of these queries is in the article (and "echidna" in no other), so exactly that article is found: the
    /// syntax around the words is never parsed, and operator names are plain words that must match too.
    /// </summary>
    [TestCase("echidna")]
    [TestCase("\"echidna\"")]
    [TestCase("echidna*")]
    [TestCase("echidna\"")]
    [TestCase("\"echidna")]
    [TestCase("(echidna")]
    [TestCase("echidna)")]
    [TestCase("echidna NEAR river")]
    [TestCase("NEAR(echidna river, 2)")]
    [TestCase("echidna OR unrelated")]
    [TestCase("echidna AND NOT")]
    [TestCase("-echidna")]
    [TestCase("title:echidna")]
    [TestCase("{title body}: echidna")]
    [TestCase("^echidna")]
    [TestCase("echidna'; DROP TABLE \"Articles\"; --")]
    [TestCase("echidna\\")]
    [TestCase("FORMSOF(INFLECTIONAL, echidna)")]
    [TestCase("ISABOUT(echidna WEIGHT(.8))")]
    [TestCase("echidna ~ river")]
    [TestCase("echidna & river | !x")]
    public async Task Syntax_around_a_word_is_never_parsed(string q)
    {
        var page = await Client.GetOkAsync($"/api/search?q={Uri.EscapeDataString(q)}");

        Assert.That(page.Slugs(), Is.EqualTo(new[] { _slug }), q);
    }

    /// <summary>As words, operators must match like any word: a word the article lacks means no hit, not a syntax error.</summary>
    [TestCase("echidna OR wombat")]
    [TestCase("echidna NOT NEAR(wombat)")]
    [TestCase("echidna*wombat")]
    public async Task Operator_words_do_not_widen_a_search(string q)
    {
        var page = await Client.GetOkAsync($"/api/search?q={Uri.EscapeDataString(q)}");

        Assert.That((int)page["articlesCount"]!, Is.EqualTo(0), q);
    }

    [TestCase("", "can't be blank")]
    [TestCase("   ", "can't be blank")]
    [TestCase("\"\"\"\"", "must contain a word to search for")]
    [TestCase("\"*()^:-'", "must contain a word to search for")]
    [TestCase("a b c d e f g h i j k l m n o p q", "has too many words (maximum is 16)")]
    public async Task Queries_without_usable_words_are_a_422_naming_q(string q, string message)
    {
        var response = await Client.SendAsync(HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString(q)}");

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.UnprocessableContent, "q", message);
    }

    [Test]
    public async Task A_missing_q_is_a_422()
    {
        var response = await Client.SendAsync(HttpMethod.Get, "/api/search");

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.UnprocessableContent, "q", "can't be blank");
    }

    [Test]
    public async Task Ten_kilobytes_of_text_is_a_422()
    {
        var q = string.Concat(Enumerable.Repeat("echidna ", 1280));

        var response = await Client.SendAsync(HttpMethod.Get, $"/api/search?q={Uri.EscapeDataString(q)}");

        await ApiAssert.ExactErrorAsync(response, HttpStatusCode.UnprocessableContent, "q", "is too long (maximum is 500 characters)");
    }

    [Test]
    public async Task A_word_longer_than_any_indexed_word_finds_nothing()
    {
        var page = await Client.GetOkAsync($"/api/search?q={new string('e', 400)}");

        Assert.That((int)page["articlesCount"]!, Is.EqualTo(0));
    }

    /// <summary>
    /// Percent-encoded UTF-8: non-characters are a 422. Bytes that are no UTF-8 at all (a lone surrogate's encoding,
    /// FF FE) are left percent-encoded by ASP.NET Core's query decoding, so "ED", "A0", "80" become words of their own
    /// that no article has: 200 with no hits. A NUL is a separator.
    /// </summary>
    [TestCase("echidna%EF%BF%BF", 422)]
    [TestCase("echidna%EF%B7%90", 422)]
    [TestCase("echidna%F0%9F%BF%BE", 422)]
    [TestCase("echidna%ED%A0%80", 0)]
    [TestCase("echidna%FF%FE", 0)]
    [TestCase("echidna%00", 1)]
    public async Task Invalid_or_non_character_text_is_refused_or_harmless(string rawQ, int hits)
    {
        var response = await Client.SendAsync(HttpMethod.Get, $"/api/search?q={rawQ}");

        if (hits == 422)
        {
            await ApiAssert.ExactErrorAsync(response, HttpStatusCode.UnprocessableContent, "q", "contains invalid text");
        }
        else
        {
            var json = await response.ReadJsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), json?.ToJsonString());
            Assert.That(json!.Slugs(), Is.EqualTo(hits == 1 ? new[] { _slug } : Array.Empty<string>()));
        }
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=-1", "limit")]
    [TestCase("limit=abc", "limit")]
    [TestCase("limit=99999999999", "limit")]
    [TestCase("offset=-1", "offset")]
    [TestCase("offset=1e3", "offset")]
    public async Task Bad_paging_is_a_422_naming_the_parameter(string paging, string key)
    {
        var response = await Client.SendAsync(HttpMethod.Get, $"/api/search?q=echidna&{paging}");

        var body = await ApiAssert.ErrorBodyAsync(response, HttpStatusCode.UnprocessableContent);
        Assert.That(body.Select(e => e.Key), Is.EqualTo(new[] { key }));
    }
}
