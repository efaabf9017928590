using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CleanApp.WebApi.FunctionalTests.Support;

namespace CleanApp.WebApi.FunctionalTests.OpenApi;

/// <summary>
/// docs/openapi/v1.json is a build artifact that is checked (ADR 0051): the served document must equal the committed
/// one, and a difference fails with the breaking changes listed first. <c>build/update-openapi.sh</c> regenerates the
/// file (this test with CLEANAPP_UPDATE_OPENAPI=1), and the clients generated from it.
/// </summary>
public sealed class CommittedDocumentTests : ApiFixture
{
    public const string UpdateVariable = "CLEANAPP_UPDATE_OPENAPI";

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CleanApp.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("CleanApp.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string CommittedPath => Path.Combine(RepositoryRoot, "docs", "openapi", "v1.json");

    /// <summary>The canonical text of a document: indented, LF line ends, a final newline, non-ASCII kept as is.</summary>
    public static string Canonical(JsonNode document) =>
        document
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";

    [Test]
    public async Task The_served_document_is_the_committed_one()
    {
        var served = Canonical(await Client.GetOkAsync("/swagger/v1/swagger.json"));
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            await File.WriteAllTextAsync(CommittedPath, served, new UTF8Encoding(false));
            Assert.Pass($"wrote {CommittedPath}");
        }

        Assert.That(File.Exists(CommittedPath), Is.True, $"{CommittedPath} is missing: run build/update-openapi.sh");
        var committed = (await File.ReadAllTextAsync(CommittedPath)).ReplaceLineEndings("\n");
        if (string.Equals(committed, served, StringComparison.Ordinal))
        {
            return;
        }

        var changes = OpenApiDiff.Compare(JsonNode.Parse(committed)!, JsonNode.Parse(served)!).OrderByDescending(c => c.Breaking).ToList();
        Assert.Fail(
            "The served OpenAPI document differs from docs/openapi/v1.json. If the change is intended, run build/update-openapi.sh "
                + "and commit the document and the regenerated clients in the same change"
                + (changes.Any(c => c.Breaking) ? " (it breaks existing clients: say so in the change)" : string.Empty)
                + ":\n"
                + string.Join("\n", changes)
        );
    }
}
