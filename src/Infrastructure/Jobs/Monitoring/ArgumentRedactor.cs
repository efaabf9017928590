using System.Text.Json;
using System.Text.Json.Nodes;

namespace CleanApp.Infrastructure.Jobs.Monitoring;

/// <summary>Replaces the values of configured property names (at any depth, case-insensitive) before arguments leave the server.</summary>
public sealed class ArgumentRedactor(IEnumerable<string> names)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly HashSet<string> _names = new(
        names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()),
        StringComparer.OrdinalIgnoreCase
    );

    public string Redact(string payload)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            // Unparseable payloads (poison jobs) are shown as a marker only: they could hold anything.
            return "(the payload is not valid JSON and is not shown)";
        }

        Walk(node);
        return node?.ToJsonString(Indented) ?? "null";
    }

    private void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, _) in obj.ToList())
                {
                    if (_names.Contains(key))
                    {
                        obj[key] = JobDashboardOptions.RedactedMarker;
                    }
                    else
                    {
                        Walk(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Walk(item);
                }

                break;
        }
    }
}
