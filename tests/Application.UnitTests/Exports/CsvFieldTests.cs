using System.Text;
using CleanApp.Application.Exports;

namespace CleanApp.Application.UnitTests.Exports;

public sealed class CsvFieldTests
{
    [TestCase("plain", "plain")]
    [TestCase("", "")]
    [TestCase("a,b", "\"a,b\"")]
    [TestCase("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [TestCase("line\nbreak", "\"line\nbreak\"")]
    [TestCase("cr\rlf", "\"cr\rlf\"")]
    [TestCase("=1+1", "'=1+1")]
    [TestCase("+cmd", "'+cmd")]
    [TestCase("-2", "'-2")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("\tTAB", "'\tTAB")]
    [TestCase("\r=x", "\"'\r=x\"")]
    [TestCase("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [TestCase("a=b", "a=b")]
    [TestCase("dragons-2", "dragons-2")]
    public void Escapes_separators_quotes_newlines_and_neutralises_formulas(string value, string expected) =>
        Assert.That(CsvField.Escape(value), Is.EqualTo(expected));

    [Test]
    public async Task The_csv_report_has_one_header_and_one_fact_per_row_with_text_fields_escaped()
    {
        using var stream = new MemoryStream();
        await using (var writer = SiteReportWriter.For("csv", stream))
        {
            await writer.BeginAsync("site-stats", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1));
            await writer.DayAsync(new SiteReportDay(new DateOnly(2026, 1, 1), 1, 2, 3, 4));
            await writer.TopAuthorAsync("=evil", 9);
            await writer.TopTagAsync("a,b", 5);
            await writer.EndAsync();
        }

        Assert.That(
            Encoding.UTF8.GetString(stream.ToArray()),
            Is.EqualTo(
                "section,key,metric,value\r\n"
                    + "day,2026-01-01,new_accounts,1\r\nday,2026-01-01,articles_published,2\r\n"
                    + "day,2026-01-01,comments,3\r\nday,2026-01-01,favorites,4\r\n"
                    + "top_author,'=evil,favorites_received,9\r\ntop_tag,\"a,b\",uses,5\r\n"
            )
        );
    }

    [Test]
    public async Task The_json_report_has_every_section_even_when_empty()
    {
        using var stream = new MemoryStream();
        await using (var writer = SiteReportWriter.For("json", stream))
        {
            await writer.BeginAsync("site-stats", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 2));
            await writer.TopTagAsync("x", 1);
            await writer.EndAsync();
        }

        Assert.That(
            Encoding.UTF8.GetString(stream.ToArray()),
            Is.EqualTo(
                """{"kind":"site-stats","from":"2026-01-01","to":"2026-01-02","days":[],"topAuthors":[],"topTags":[{"tag":"x","uses":1}]}"""
            )
        );
    }
}
