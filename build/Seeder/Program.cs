using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

// Seeds users, follows, articles with tags, favorites and comments through the public API, in parallel, and writes
// what the load scripts need (tokens, slugs, tags, usernames) to --out as JSON plus simple line files.
var options = SeedOptions.Parse(args);
using var http = new HttpClient { BaseAddress = new Uri(options.Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
var random = new Random(options.Seed);
var run = Guid.NewGuid().ToString("N")[..6];
var stopwatch = Stopwatch.StartNew();
var tags = Enumerable.Range(0, options.Tags).Select(i => $"tag{i}").ToArray();

Console.WriteLine(
    $"Seeding {options.Url}: {options.Users} users, {options.Articles} articles, {options.Follows} follows, {options.Favorites} favorites, {options.Comments} comments"
);

var users = new (string Username, string Token)[options.Users];
await ForEachAsync(Enumerable.Range(0, options.Users), options.Parallelism, async i =>
{
    var username = $"seed{run}u{i}";
    var body = new
    {
        user = new
        {
            username,
            email = $"{username}@example.com",
            password = "password123",
        },
    };
    var json = await SendAsync(HttpMethod.Post, "api/users", null, body);
    users[i] = (username, json!["user"]!["token"]!.GetValue<string>());
});
Report("users", options.Users);

var followPairs = RandomPairs(options.Follows, options.Users, random);
await ForEachAsync(followPairs, options.Parallelism, async p =>
    await SendAsync(HttpMethod.Post, $"api/profiles/{Uri.EscapeDataString(users[p.B].Username)}/follow", users[p.A].Token, null)
);
Report("follows", followPairs.Count);

var slugs = new string[options.Articles];
var articleAuthors = Enumerable.Range(0, options.Articles).Select(_ => random.Next(options.Users)).ToArray();
var articleTags = Enumerable
    .Range(0, options.Articles)
    .Select(_ => tags.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray())
    .ToArray();
await ForEachAsync(Enumerable.Range(0, options.Articles), options.Parallelism, async i =>
{
    var body = new
    {
        article = new
        {
            title = $"Seeded article {i} {run}",
            description = $"Description of article {i}",
            body = string.Join(' ', Enumerable.Repeat("Lorem ipsum dolor sit amet.", 20)),
            tagList = articleTags[i],
        },
    };
    var json = await SendAsync(HttpMethod.Post, "api/articles", users[articleAuthors[i]].Token, body);
    slugs[i] = json!["article"]!["slug"]!.GetValue<string>();
});
Report("articles", options.Articles);

var favoritePairs = RandomPairs(options.Favorites, Math.Max(options.Users, options.Articles), random)
    .Select(p => (User: p.A % options.Users, Article: p.B % options.Articles))
    .Distinct()
    .ToList();
await ForEachAsync(favoritePairs, options.Parallelism, async p =>
    await SendAsync(HttpMethod.Post, $"api/articles/{slugs[p.Article]}/favorite", users[p.User].Token, null)
);
Report("favorites", favoritePairs.Count);

await ForEachAsync(Enumerable.Range(0, options.Comments), options.Parallelism, async i =>
{
    var article = random.Next(options.Articles);
    var user = random.Next(options.Users);
    await SendAsync(
        HttpMethod.Post,
        $"api/articles/{slugs[article]}/comments",
        users[user].Token,
        new { comment = new { body = $"Comment {i}" } }
    );
});
Report("comments", options.Comments);

Directory.CreateDirectory(options.Out);

// The follower with the most follows makes a non-empty feed for the feed load test.
var feedUser = followPairs.GroupBy(p => p.A).OrderByDescending(g => g.Count()).Select(g => g.Key).DefaultIfEmpty(0).First();
await File.WriteAllLinesAsync(Path.Combine(options.Out, "slugs.txt"), slugs);
await File.WriteAllLinesAsync(Path.Combine(options.Out, "tokens.txt"), users.Select(u => u.Token));
await File.WriteAllLinesAsync(Path.Combine(options.Out, "tags.txt"), tags);
await File.WriteAllTextAsync(Path.Combine(options.Out, "feed-token.txt"), users[feedUser].Token);
Console.WriteLine($"Done in {stopwatch.Elapsed.TotalSeconds:0.0} s; data for the load scripts in {options.Out}");

void Report(string what, int count) => Console.WriteLine($"  {what, -10} {count, 7}   ({stopwatch.Elapsed.TotalSeconds:0.0} s)");

async Task<JsonNode?> SendAsync(HttpMethod method, string path, string? token, object? body)
{
    for (var attempt = 1; ; attempt++)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return text.Length == 0 ? null : JsonNode.Parse(text);
        }

        if (attempt >= 3 || (int)response.StatusCode < 500)
        {
            throw new InvalidOperationException($"{method} {path} → {(int)response.StatusCode}: {text}");
        }
    }
}

static List<(int A, int B)> RandomPairs(int count, int max, Random random)
{
    var pairs = new HashSet<(int, int)>();
    var limit = (long)max * (max - 1);
    while (pairs.Count < count && pairs.Count < limit)
    {
        var a = random.Next(max);
        var b = random.Next(max);
        if (a != b)
        {
            pairs.Add((a, b));
        }
    }

    return [.. pairs];
}

static async Task ForEachAsync<T>(IEnumerable<T> items, int parallelism, Func<T, Task> action) =>
    await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (item, _) => await action(item));

internal sealed record SeedOptions(
    string Url,
    int Users,
    int Articles,
    int Follows,
    int Favorites,
    int Comments,
    int Tags,
    int Parallelism,
    int Seed,
    string Out
)
{
    public static SeedOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string key, int fallback) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new SeedOptions(
            map.GetValueOrDefault("url", "http://127.0.0.1:5000"),
            Int("users", 200),
            Int("articles", 2000),
            Int("follows", 1000),
            Int("favorites", 4000),
            Int("comments", 3000),
            Int("tags", 50),
            Int("parallelism", 8),
            Int("seed", 42),
            map.GetValueOrDefault("out", "build/load/data")
        );
    }
}
