using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CleanApp.Application.Exports;

/// <summary>Writes the site report's rows to a stream as they arrive, in the export's format (ADR 0043).</summary>
public abstract class SiteReportWriter : IAsyncDisposable
{
    public static SiteReportWriter For(string format, Stream stream) =>
        format == ExportFormats.Json ? new JsonSiteReportWriter(stream) : new CsvSiteReportWriter(stream);

    public abstract Task BeginAsync(string kind, DateOnly from, DateOnly to);

    public abstract Task DayAsync(SiteReportDay day);

    public abstract Task TopAuthorAsync(string username, int favoritesReceived);

    public abstract Task TopTagAsync(string tag, int uses);

    public abstract Task EndAsync();

    public abstract ValueTask DisposeAsync();
}

public sealed record SiteReportDay(DateOnly Day, int NewAccounts, int ArticlesPublished, int Comments, int Favorites);

public static class ExportFormats
{
    public const string Csv = "csv";
    public const string Json = "json";
}

/// <summary>
/// Long format, one fact per row, so one header fits every section: <c>section,key,metric,value</c>
/// (<c>day,2026-01-31,new_accounts,3</c>, <c>top_author,ann,favorites_received,42</c>, <c>top_tag,dragons,uses,7</c>).
/// </summary>
internal sealed class CsvSiteReportWriter(Stream stream) : SiteReportWriter
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false), 64 * 1024) { NewLine = "\r\n" };

    public override Task BeginAsync(string kind, DateOnly from, DateOnly to) => _writer.WriteLineAsync("section,key,metric,value");

    public override async Task DayAsync(SiteReportDay day)
    {
        var key = day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await RowAsync("day", key, "new_accounts", day.NewAccounts);
        await RowAsync("day", key, "articles_published", day.ArticlesPublished);
        await RowAsync("day", key, "comments", day.Comments);
        await RowAsync("day", key, "favorites", day.Favorites);
    }

    public override Task TopAuthorAsync(string username, int favoritesReceived) =>
        RowAsync("top_author", CsvField.Escape(username), "favorites_received", favoritesReceived);

    public override Task TopTagAsync(string tag, int uses) => RowAsync("top_tag", CsvField.Escape(tag), "uses", uses);

    public override Task EndAsync() => _writer.FlushAsync();

    public override ValueTask DisposeAsync() => _writer.DisposeAsync();

    private Task RowAsync(string section, string key, string metric, int value) =>
        _writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{section},{key},{metric},{value}"));
}

/// <summary><c>{"kind","from","to","days":[…],"topAuthors":[…],"topTags":[…]}</c>, written with a forward-only writer.</summary>
internal sealed class JsonSiteReportWriter(Stream stream) : SiteReportWriter
{
    private static readonly string[] Sections = ["days", "topAuthors", "topTags"];

    private readonly Utf8JsonWriter _json = new(stream);
    private int _section = -1;

    public override Task BeginAsync(string kind, DateOnly from, DateOnly to)
    {
        _json.WriteStartObject();
        _json.WriteString("kind", kind);
        _json.WriteString("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _json.WriteString("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Task.CompletedTask;
    }

    public override async Task DayAsync(SiteReportDay day)
    {
        Section("days");
        _json.WriteStartObject();
        _json.WriteString("day", day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _json.WriteNumber("newAccounts", day.NewAccounts);
        _json.WriteNumber("articlesPublished", day.ArticlesPublished);
        _json.WriteNumber("comments", day.Comments);
        _json.WriteNumber("favorites", day.Favorites);
        _json.WriteEndObject();
        await FlushIfFullAsync();
    }

    public override Task TopAuthorAsync(string username, int favoritesReceived)
    {
        Section("topAuthors");
        _json.WriteStartObject();
        _json.WriteString("username", username);
        _json.WriteNumber("favoritesReceived", favoritesReceived);
        _json.WriteEndObject();
        return FlushIfFullAsync();
    }

    public override Task TopTagAsync(string tag, int uses)
    {
        Section("topTags");
        _json.WriteStartObject();
        _json.WriteString("tag", tag);
        _json.WriteNumber("uses", uses);
        _json.WriteEndObject();
        return FlushIfFullAsync();
    }

    public override async Task EndAsync()
    {
        Section(Sections[^1]);
        _json.WriteEndArray();
        _json.WriteEndObject();
        await _json.FlushAsync();
    }

    public override ValueTask DisposeAsync() => _json.DisposeAsync();

    /// <summary>Opens the section's array, closing the previous one; sections come in a fixed order, empty ones included.</summary>
    private void Section(string name)
    {
        var target = Array.IndexOf(Sections, name);
        while (_section < target)
        {
            if (_section >= 0)
            {
                _json.WriteEndArray();
            }

            _section++;
            _json.WritePropertyName(Sections[_section]);
            _json.WriteStartArray();
        }
    }

    private async Task FlushIfFullAsync()
    {
        if (_json.BytesPending > 32 * 1024)
        {
            await _json.FlushAsync();
        }
    }
}
