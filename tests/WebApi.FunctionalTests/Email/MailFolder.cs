using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CleanApp.Infrastructure.Persistence;
using CleanApp.WebApi.FunctionalTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.WebApi.FunctionalTests.Email;

/// <summary>One .eml file of the pickup folder, parsed: unfolded headers and the quoted-printable body decoded.</summary>
public sealed record SentMail(string File, string To, string Subject, string Body);

/// <summary>
/// A host with its own Hangfire (in-memory storage, Testing settings) and the pickup email sender writing into a private
/// folder; reads the .eml files back and waits for the jobs to finish.
/// </summary>
public sealed class EmailHost : IDisposable
{
    public EmailHost(params (string Key, string Value)[] settings)
        : this(configure: null, settings) { }

    /// <summary><paramref name="configure"/> adjusts the factory before the host starts (a moved clock, say).</summary>
    public EmailHost(Action<CleanAppFactory>? configure, params (string Key, string Value)[] settings)
    {
        MailDirectory = Path.Combine(Path.GetTempPath(), "cleanapp-tests", $"mail-{Guid.NewGuid():N}");
        Factory = new CleanAppFactory().WithSetting("Email:PickupDirectory", MailDirectory);
        foreach (var (key, value) in settings)
        {
            Factory.WithSetting(key, value);
        }

        configure?.Invoke(Factory);
        Client = Factory.CreateClient();
    }

    public CleanAppFactory Factory { get; }

    public HttpClient Client { get; }

    public string MailDirectory { get; }

    public IReadOnlyList<SentMail> Mails() =>
        Directory.Exists(MailDirectory) ? Directory.GetFiles(MailDirectory, "*.eml").Select(Parse).ToList() : [];

    /// <summary>Waits until at least <paramref name="minimumJobs"/> jobs of the given kinds exist in Hangfire and all finished (none failed).</summary>
    public Task WaitForJobsAsync(int minimumJobs, params string[] kinds) =>
        HangfireJobs.WaitForFinishedAsync(Factory.Services, minimumJobs, kinds);

    /// <summary>A Hangfire server over this host's storage, for tests whose host runs none (Jobs:Enabled=false) until a point.</summary>
    public IDisposable StartServer() =>
        new Hangfire.BackgroundJobServer(
            new Hangfire.BackgroundJobServerOptions
            {
                Activator = Factory.Services.GetRequiredService<Hangfire.JobActivator>(),
                FilterProvider = Factory.Services.GetRequiredService<Hangfire.Common.IJobFilterProvider>(),
                SchedulePollingInterval = TimeSpan.FromMilliseconds(200),
                WorkerCount = 2,
            },
            Factory.Services.GetRequiredService<Hangfire.JobStorage>()
        );

    public async Task<T> WithDbAsync<T>(Func<ApplicationDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        using var scope = Factory.Services.CreateScope();
        await work(scope.ServiceProvider);
    }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        if (Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }

    /// <summary>One .eml file, its body decoded (the pickup folder writes quoted-printable, with line breaks as =0A).</summary>
    public static SentMail Parse(string file)
    {
        var text = File.ReadAllText(file);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerText = Regex.Replace(text[..split], @"\r\n[ \t]+", " ");
        var headers = headerText
            .Split("\r\n")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = text[(split + 4)..];
        if (
            headers.TryGetValue("Content-Transfer-Encoding", out var encoding)
            && encoding.Equals("quoted-printable", StringComparison.OrdinalIgnoreCase)
        )
        {
            body = DecodeQuotedPrintable(body);
        }

        return new SentMail(
            file,
            headers.GetValueOrDefault("To", string.Empty),
            DecodeEncodedWords(headers.GetValueOrDefault("Subject", string.Empty)),
            body.Replace("\r\n", "\n", StringComparison.Ordinal)
        );
    }

    private static string DecodeQuotedPrintable(string value)
    {
        var unwrapped = value.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        var bytes = new List<byte>(unwrapped.Length);
        for (var i = 0; i < unwrapped.Length; i++)
        {
            if (unwrapped[i] == '=' && i + 2 < unwrapped.Length && IsHex(unwrapped[i + 1]) && IsHex(unwrapped[i + 2]))
            {
                bytes.Add(byte.Parse(unwrapped.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unwrapped[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    /// <summary>RFC 2047 words (<c>=?utf-8?B?...?=</c> / <c>=?utf-8?Q?...?=</c>), which System.Net.Mail may use for the subject.</summary>
    private static string DecodeEncodedWords(string value) =>
        Regex.Replace(value.Replace("?= =?", "?==?", StringComparison.Ordinal), @"=\?([^?]+)\?([BbQq])\?([^?]*)\?=", m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            if (m.Groups[2].Value is "B" or "b")
            {
                return charset.GetString(Convert.FromBase64String(m.Groups[3].Value));
            }

            return DecodeQuotedPrintable(m.Groups[3].Value.Replace('_', ' '));
        });
}
