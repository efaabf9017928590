using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using CleanApp.WebApi.Common;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace CleanApp.WebApi.FunctionalTests.Host;

/// <summary>
/// What the host really logs, through Serilog as configured (appsettings.json levels, Information by default): one
/// completion line per request with method, path, status, elapsed ms, route pattern, the user id once authenticated and
/// the request's trace id; every line of a request carries that trace id; no query string, token, password or body.
/// The events are collected by a sink registered in the container, which the host's logger reads (ReadFrom.Services).
/// Over Kestrel: TestServer leaves the raw request target empty, which would hide a logged query string.
/// </summary>
public sealed class RequestLoggingTests
{
    private readonly CollectingSink _sink = new();
    private KestrelCleanAppFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = StartHost(_sink);
        _client = new HttpClient { BaseAddress = _factory.BaseAddress };
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Test]
    public async Task An_anonymous_request_gets_one_line_with_method_path_status_elapsed_route_and_its_trace_id()
    {
        var traceId = ActivityTraceId.CreateRandom();

        await SendAsync(HttpMethod.Get, "/api/articles/no-such-article", traceId);

        var line = RequestLine(traceId);
        Assert.Multiple(() =>
        {
            Assert.That(line.Level, Is.EqualTo(LogEventLevel.Information));
            Assert.That(line.MessageTemplate.Text, Is.EqualTo(RequestLogging.MessageTemplate));
            Assert.That(Scalar(line, "RequestMethod"), Is.EqualTo("GET"));
            Assert.That(Scalar(line, "RequestPath"), Is.EqualTo("/api/articles/no-such-article"));
            Assert.That(Scalar(line, "StatusCode"), Is.EqualTo(404));
            Assert.That(Scalar(line, "Elapsed"), Is.TypeOf<double>().And.GreaterThan(0));
            Assert.That(Scalar(line, "RoutePattern"), Is.EqualTo("/api/articles/{slug}"));
            Assert.That(line.Properties.ContainsKey("UserId"), Is.False, "anonymous");
            Assert.That(AsConsoleWritesIt(line), Does.Match(@"^HTTP GET /api/articles/no-such-article responded 404 in \d+\.\d ms$"));
        });
    }

    [Test]
    public async Task An_authenticated_request_line_names_the_user()
    {
        var user = await _client.RegisterAsync("logged");
        var userId = (await _factory.FindProfileAsync(user.Username))!.Id;
        var traceId = ActivityTraceId.CreateRandom();

        await SendAsync(HttpMethod.Get, "/api/user", traceId, user.Token);

        var line = RequestLine(traceId);
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(line, "UserId"), Is.EqualTo(userId.ToString()));
            // The template as routing knows it: the group prefix plus the endpoint's "/".
            Assert.That(Scalar(line, "RoutePattern"), Is.EqualTo("/api/user/"));
            Assert.That(Scalar(line, "StatusCode"), Is.EqualTo(200));
        });
    }

    [Test]
    public async Task No_query_string_token_password_or_body_reaches_any_log_line()
    {
        const string Password = "very-secret-password-7Q";
        const string Bio = "a-bio-that-stays-in-the-database-3F";
        const string SearchTerm = "private-search-term-9Z";
        var user = await _client.RegisterAsync("secretive", Password);
        var traceId = ActivityTraceId.CreateRandom();

        await SendAsync(HttpMethod.Post, "/api/users/login", traceId, body: new { user = new { email = user.Email, password = Password } });
        await SendAsync(
            HttpMethod.Post,
            "/api/users/login",
            traceId,
            body: new { user = new { email = user.Email, password = "wrong-" + Password } }
        );
        await SendAsync(HttpMethod.Put, "/api/user", traceId, user.Token, new { user = new { bio = Bio, password = Password + "-new" } });
        await SendAsync(HttpMethod.Get, $"/api/articles?tag={SearchTerm}&limit=1", traceId, user.Token);

        var lines = _sink.Events.Select(Render).ToList();
        Assert.That(lines, Is.Not.Empty);
        Assert.That(
            lines.Where(l =>
                l.Contains(Password, StringComparison.Ordinal)
                || l.Contains(user.Token, StringComparison.Ordinal)
                || l.Contains(Bio, StringComparison.Ordinal)
                || l.Contains(SearchTerm, StringComparison.Ordinal)
            ),
            Is.Empty
        );
        Assert.That(RequestLines(traceId).Select(l => Scalar(l, "RequestPath")), Does.Contain("/api/articles"));
    }

    [Test]
    public async Task A_500_is_an_error_line_and_every_line_of_the_request_carries_its_trace_id()
    {
        var sink = new CollectingSink();
        using var factory = StartHost(sink);
        using var client = new HttpClient { BaseAddress = factory.BaseAddress };
        await client.GetAsync("/api/tags");
        SqliteConnection.ClearAllPools();
        File.Delete(factory.DatabasePath + "-wal");
        File.Delete(factory.DatabasePath + "-shm");
        await File.WriteAllTextAsync(factory.DatabasePath, string.Concat(Enumerable.Repeat("not a database ", 300)));
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tags");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
        // The trace id the 500 body names for support is the one on the log lines.
        Assert.That((await response.ReadJsonAsync())!["traceId"]!.GetValue<string>(), Does.Contain(traceId.ToString()));
        var line = sink.Events.Single(e => e.TraceId == traceId && e.MessageTemplate.Text == RequestLogging.MessageTemplate);
        Assert.That(line.Level, Is.EqualTo(LogEventLevel.Error));
        Assert.That(Scalar(line, "StatusCode"), Is.EqualTo(500));
        // Everything logged inside the request (EF's failure, the pipeline's and the exception handler's errors) shares
        // the hosting scope's RequestId: each of those lines carries the request's trace id.
        var handler = sink.Events.Single(e =>
            e.TraceId == traceId && e.MessageTemplate.Text.StartsWith("Unhandled exception for", StringComparison.Ordinal)
        );
        var requestId = Scalar(handler, "RequestId");
        var sameRequest = sink.Events.Where(e => Equals(Scalar(e, "RequestId"), requestId)).ToList();
        Assert.That(requestId, Is.Not.Null);
        Assert.That(sameRequest, Has.Count.GreaterThan(1));
        Assert.That(sameRequest.Select(e => e.TraceId), Is.All.EqualTo(traceId));
    }

    private async Task SendAsync(HttpMethod method, string url, ActivityTraceId traceId, string? token = null, object? body = null)
    {
        var request = new HttpRequestMessage(method, url).WithToken(token);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        if (body is not null)
        {
            request.Content = ApiClient.Json(body);
        }

        using (request)
        {
            (await _client.SendAsync(request)).Dispose();
        }
    }

    private IEnumerable<LogEvent> RequestLines(ActivityTraceId traceId) =>
        _sink.Events.Where(e => e.TraceId == traceId && e.MessageTemplate.Text == RequestLogging.MessageTemplate);

    private LogEvent RequestLine(ActivityTraceId traceId)
    {
        var lines = RequestLines(traceId).ToList();
        Assert.That(lines, Has.Count.EqualTo(1), "one completion line per request");
        return lines[0];
    }

    /// <summary>The message as appsettings.json's console template renders it (<c>{Message:lj}</c>).</summary>
    private static string AsConsoleWritesIt(LogEvent e)
    {
        using var text = new StringWriter();
        new Serilog.Formatting.Display.MessageTemplateTextFormatter("{Message:lj}").Format(e, text);
        return text.ToString();
    }

    private static object? Scalar(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) && value is ScalarValue scalar ? scalar.Value : null;

    private static string Render(LogEvent e) =>
        string.Join(
            " | ",
            [
                e.RenderMessage(),
                e.MessageTemplate.Text,
                e.Exception?.ToString() ?? string.Empty,
                .. e.Properties.Select(p => $"{p.Key}={p.Value}"),
            ]
        );

    /// <summary>Information, as outside the Testing environment; the job server off, so only requests log.</summary>
    private static KestrelCleanAppFactory StartHost(CollectingSink sink)
    {
        var factory = new KestrelCleanAppFactory();
        factory
            .WithSetting("Serilog:MinimumLevel:Default", "Information")
            .WithSetting("Jobs:Enabled", "false")
            .WithServices(services => services.AddSingleton<ILogEventSink>(sink));
        return factory.Start();
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyCollection<LogEvent> Events => _events;

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
