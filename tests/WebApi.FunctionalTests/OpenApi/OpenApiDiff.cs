using System.Globalization;
using System.Text.Json.Nodes;

namespace CleanApp.WebApi.FunctionalTests.OpenApi;

/// <summary>One difference between two OpenAPI documents; <see cref="Breaking"/> when a client built on the old one can break.</summary>
public sealed record OpenApiChange(bool Breaking, string Text)
{
    public override string ToString() => (Breaking ? "BREAKING: " : "change: ") + Text;
}

/// <summary>
/// A small, oasdiff-like comparison of two OpenAPI 3 documents (ADR 0051). Breaking: a removed path, operation, success
/// response or component schema; a new or newly required parameter; a parameter or property whose type changed or
/// whose bounds narrowed (minimum raised, maximum or maxLength lowered, nullable dropped, enum values removed); a new
/// required field in a schema; a removed property; an operation whose security got stricter. Everything else (additions,
/// descriptions, examples) is a non-breaking change.
/// </summary>
public static class OpenApiDiff
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public static IReadOnlyList<OpenApiChange> Compare(JsonNode before, JsonNode after)
    {
        var changes = new List<OpenApiChange>();
        var oldPaths = before["paths"]?.AsObject() ?? [];
        var newPaths = after["paths"]?.AsObject() ?? [];
        foreach (var (path, oldItem) in oldPaths)
        {
            if (newPaths[path] is not JsonObject newItem)
            {
                changes.Add(new(true, $"path {path} removed"));
                continue;
            }

            foreach (var method in Methods)
            {
                if (oldItem?[method] is not JsonObject oldOp)
                {
                    if (newItem[method] is not null)
                    {
                        changes.Add(new(false, $"{method.ToUpperInvariant()} {path} added"));
                    }

                    continue;
                }

                var where = $"{method.ToUpperInvariant()} {path}";
                if (newItem[method] is not JsonObject newOp)
                {
                    changes.Add(new(true, $"{where} removed"));
                    continue;
                }

                CompareOperation(where, oldOp, newOp, changes);
            }
        }

        changes.AddRange(newPaths.Where(p => oldPaths[p.Key] is null).Select(p => new OpenApiChange(false, $"path {p.Key} added")));

        var oldSchemas = before["components"]?["schemas"]?.AsObject() ?? [];
        var newSchemas = after["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (name, oldSchema) in oldSchemas)
        {
            if (newSchemas[name] is not JsonObject newSchema)
            {
                changes.Add(new(true, $"schema {name} removed"));
                continue;
            }

            CompareSchema($"schema {name}", oldSchema as JsonObject, newSchema, changes);
        }

        if (!JsonNode.DeepEquals(before, after) && changes.Count == 0)
        {
            changes.Add(new(false, "descriptions, examples or other non-structural text changed"));
        }

        return changes;
    }

    private static void CompareOperation(string where, JsonObject oldOp, JsonObject newOp, List<OpenApiChange> changes)
    {
        static string Key(JsonNode? p) => $"{p?["in"]}:{p?["name"]}";
        var oldParams = (oldOp["parameters"]?.AsArray() ?? []).ToDictionary(Key, StringComparer.Ordinal);
        var newParams = (newOp["parameters"]?.AsArray() ?? []).ToDictionary(Key, StringComparer.Ordinal);
        foreach (var (key, oldParam) in oldParams)
        {
            if (!newParams.TryGetValue(key, out var newParam))
            {
                changes.Add(new(true, $"{where}: parameter {key} removed"));
                continue;
            }

            if (IsTrue(newParam?["required"]) && !IsTrue(oldParam?["required"]))
            {
                changes.Add(new(true, $"{where}: parameter {key} became required"));
            }

            CompareSchema($"{where}: parameter {key}", oldParam?["schema"] as JsonObject, newParam?["schema"] as JsonObject, changes);
        }

        foreach (var (key, newParam) in newParams.Where(p => !oldParams.ContainsKey(p.Key)))
        {
            changes.Add(new(IsTrue(newParam?["required"]), $"{where}: parameter {key} added"));
        }

        var oldBody = oldOp["requestBody"];
        var newBody = newOp["requestBody"];
        if (oldBody is null && newBody is not null && IsTrue(newBody["required"]))
        {
            changes.Add(new(true, $"{where}: a required request body was added"));
        }
        else if (oldBody is not null && newBody is not null)
        {
            CompareSchema(
                $"{where}: request body",
                oldBody["content"]?["application/json"]?["schema"] as JsonObject,
                newBody["content"]?["application/json"]?["schema"] as JsonObject,
                changes
            );
        }

        var oldResponses = oldOp["responses"]?.AsObject() ?? [];
        var newResponses = newOp["responses"]?.AsObject() ?? [];
        foreach (var (status, oldResponse) in oldResponses)
        {
            if (newResponses[status] is not JsonObject newResponse)
            {
                changes.Add(new(status.StartsWith('2'), $"{where}: response {status} removed"));
                continue;
            }

            CompareSchema(
                $"{where}: response {status}",
                oldResponse?["content"]?["application/json"]?["schema"] as JsonObject,
                newResponse["content"]?["application/json"]?["schema"] as JsonObject,
                changes
            );
        }

        foreach (var status in newResponses.Select(r => r.Key).Where(s => oldResponses[s] is null))
        {
            changes.Add(new(false, $"{where}: response {status} added"));
        }

        var oldSecurity = SecurityKind(oldOp["security"]);
        var newSecurity = SecurityKind(newOp["security"]);
        if (oldSecurity != newSecurity)
        {
            var stricter = Rank(newSecurity) > Rank(oldSecurity);
            changes.Add(new(stricter, $"{where}: security {oldSecurity} -> {newSecurity}"));
        }
    }

    private static string SecurityKind(JsonNode? security) =>
        security is not JsonArray list || list.Count == 0 ? "none"
        : list.Any(r => r is JsonObject o && o.Count == 0) ? "optional"
        : "required";

    private static int Rank(string kind) =>
        kind switch
        {
            "none" => 0,
            "optional" => 1,
            _ => 2,
        };

    private static void CompareSchema(string where, JsonObject? before, JsonObject? after, List<OpenApiChange> changes)
    {
        if (before is null || after is null)
        {
            if (before is not null)
            {
                changes.Add(new(true, $"{where}: schema removed"));
            }

            return;
        }

        var oldRef = before["$ref"]?.GetValue<string>();
        var newRef = after["$ref"]?.GetValue<string>();
        if (oldRef is not null || newRef is not null)
        {
            // Component schemas are compared once, by name; here only a different target matters.
            if (!string.Equals(oldRef, newRef, StringComparison.Ordinal))
            {
                changes.Add(new(true, $"{where}: type changed from {oldRef ?? "inline"} to {newRef ?? "inline"}"));
            }

            return;
        }

        if (!JsonNode.DeepEquals(before["type"], after["type"]) || !JsonNode.DeepEquals(before["format"], after["format"]))
        {
            changes.Add(new(true, $"{where}: type changed from {TypeText(before)} to {TypeText(after)}"));
        }

        if (IsTrue(before["nullable"]) && !IsTrue(after["nullable"]))
        {
            changes.Add(new(true, $"{where}: no longer nullable"));
        }

        Narrowed(where, "minimum", before, after, raised: true, changes);
        Narrowed(where, "minLength", before, after, raised: true, changes);
        Narrowed(where, "minItems", before, after, raised: true, changes);
        Narrowed(where, "maximum", before, after, raised: false, changes);
        Narrowed(where, "maxLength", before, after, raised: false, changes);
        Narrowed(where, "maxItems", before, after, raised: false, changes);

        if (before["enum"] is JsonArray oldEnum && after["enum"] is JsonArray newEnum)
        {
            foreach (var value in oldEnum.Where(v => !newEnum.Any(n => JsonNode.DeepEquals(v, n))))
            {
                changes.Add(new(true, $"{where}: enum value {value?.ToJsonString()} removed"));
            }
        }

        var oldRequired = (before["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var field in (after["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).Where(f => !oldRequired.Contains(f)))
        {
            changes.Add(new(true, $"{where}: new required field {field}"));
        }

        var oldProperties = before["properties"]?.AsObject() ?? [];
        var newProperties = after["properties"]?.AsObject() ?? [];
        foreach (var (name, oldProperty) in oldProperties)
        {
            if (newProperties[name] is not JsonObject newProperty)
            {
                changes.Add(new(true, $"{where}: property {name} removed"));
                continue;
            }

            CompareSchema($"{where}.{name}", oldProperty as JsonObject, newProperty, changes);
        }

        foreach (var name in newProperties.Select(p => p.Key).Where(n => oldProperties[n] is null))
        {
            changes.Add(new(false, $"{where}: property {name} added"));
        }

        CompareSchema($"{where}[]", before["items"] as JsonObject, after["items"] as JsonObject, changes);
        CompareSchema($"{where}{{}}", before["additionalProperties"] as JsonObject, after["additionalProperties"] as JsonObject, changes);
    }

    private static void Narrowed(
        string where,
        string keyword,
        JsonObject before,
        JsonObject after,
        bool raised,
        List<OpenApiChange> changes
    )
    {
        var oldValue = Number(before[keyword]);
        var newValue = Number(after[keyword]);
        if (newValue is null || oldValue == newValue)
        {
            return;
        }

        if (oldValue is null || (raised ? newValue > oldValue : newValue < oldValue))
        {
            changes.Add(
                new(true, $"{where}: {keyword} narrowed from {oldValue?.ToString(CultureInfo.InvariantCulture) ?? "none"} to {newValue}")
            );
        }
    }

    private static decimal? Number(JsonNode? node) =>
        node is JsonValue value && decimal.TryParse(value.ToJsonString().Trim('"'), CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string TypeText(JsonObject schema) =>
        $"{schema["type"]?.ToJsonString() ?? "any"}{(schema["format"] is { } format ? "/" + format : string.Empty)}";
}
