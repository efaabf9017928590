// The floor: what this machine can do for CleanApp's public reads with nothing between Kestrel and SQLite but one
// ADO.NET command per statement. Same file, same statements' results, same JSON shape as CleanApp (anonymous caller).
using System.Globalization;
using Microsoft.Data.Sqlite;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = new SqliteConnectionStringBuilder
{
    DataSource = builder.Configuration["Database"] ?? throw new InvalidOperationException("--Database <file> is required"),
    Mode = SqliteOpenMode.ReadOnly,
    Cache = SqliteCacheMode.Private,
}.ToString();
var app = builder.Build();

// {1} is the article source: the table, or the page itself so the skipped rows are never joined (what EF also does).
const string ListItem = """
    SELECT a.Id, a.Slug, a.Title, a.Description, {0} a.CreatedAt, a.UpdatedAt, u.Username, u.Bio, u.Image,
           (SELECT COUNT(*) FROM Favorites f WHERE f.ArticleId = a.Id),
           (SELECT group_concat(t.Name, char(31)) FROM ArticleTags t WHERE t.ArticleId = a.Id)
    FROM {1} a JOIN Users u ON u.Id = a.AuthorId
    """;

app.MapGet("/api/tags", async () =>
{
    await using var db = await OpenAsync();
    await using var command = db.CreateCommand();
    command.CommandText = "SELECT DISTINCT Name FROM ArticleTags";
    var tags = new List<string>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        tags.Add(reader.GetString(0));
    }

    tags.Sort(StringComparer.Ordinal);
    return Results.Json(new { tags });
});

app.MapGet("/api/articles/{slug}", async (string slug) =>
{
    await using var db = await OpenAsync();
    await using var command = db.CreateCommand();
    command.CommandText = string.Format(CultureInfo.InvariantCulture, ListItem, "a.Body,", "Articles") + " WHERE a.Slug = $slug";
    command.Parameters.AddWithValue("$slug", slug);
    await using var reader = await command.ExecuteReaderAsync();
    return await reader.ReadAsync()
        ? Results.Json(new { article = Article(reader, withBody: true) })
        : Results.Json(new { errors = new { article = new[] { "not found" } } }, statusCode: 404);
});

app.MapGet("/api/articles", async (int? limit, int? offset) =>
{
    await using var db = await OpenAsync();
    await using var count = db.CreateCommand();
    count.CommandText = "SELECT COUNT(*) FROM Articles";
    var articlesCount = (long)(await count.ExecuteScalarAsync())!;
    await using var page = db.CreateCommand();
    page.CommandText =
        string.Format(
            CultureInfo.InvariantCulture,
            ListItem,
            "",
            "(SELECT * FROM Articles ORDER BY CreatedAt DESC, Id DESC LIMIT $limit OFFSET $offset)"
        ) + " ORDER BY a.CreatedAt DESC, a.Id DESC";
    page.Parameters.AddWithValue("$limit", limit ?? 20);
    page.Parameters.AddWithValue("$offset", offset ?? 0);
    var articles = new List<object>();
    await using var reader = await page.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        articles.Add(Article(reader, withBody: false));
    }

    return Results.Json(new { articles, articlesCount });
});

app.Run();

async Task<SqliteConnection> OpenAsync()
{
    var connection = new SqliteConnection(connectionString);
    await connection.OpenAsync();
    return connection;
}

static object Article(SqliteDataReader r, bool withBody)
{
    var i = withBody ? 1 : 0;
    var tags = r.IsDBNull(10 + i) ? [] : r.GetString(10 + i).Split('\u001f');
    Array.Sort(tags, StringComparer.Ordinal);
    var author = new
    {
        username = r.GetString(6 + i),
        bio = r.IsDBNull(7 + i) ? null : r.GetString(7 + i),
        image = r.IsDBNull(8 + i) ? null : r.GetString(8 + i),
        following = false,
    };
    return withBody
        ? new
        {
            slug = r.GetString(1),
            title = r.GetString(2),
            description = r.GetString(3),
            body = r.GetString(4),
            tagList = tags,
            createdAt = Time(r.GetString(5)),
            updatedAt = Time(r.GetString(6)),
            favorited = false,
            favoritesCount = r.GetInt64(9 + i),
            author,
        }
        : new
        {
            slug = r.GetString(1),
            title = r.GetString(2),
            description = r.GetString(3),
            tagList = tags,
            createdAt = Time(r.GetString(4)),
            updatedAt = Time(r.GetString(5)),
            favorited = false,
            favoritesCount = r.GetInt64(9),
            author,
        };
}

static string Time(string stored) =>
    DateTime
        .Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
        .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
