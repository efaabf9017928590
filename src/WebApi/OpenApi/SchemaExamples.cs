using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanApp.WebApi.OpenApi;

/// <summary>
/// A plausible example built from a JSON schema, for request bodies whose endpoint gives none: every property, strings as
/// <c>"string"</c>, numbers at their minimum. Hand-written examples (<c>AcceptsJson&lt;T&gt;(example)</c>) read better.
/// </summary>
public static class SchemaExamples
{
    public static JsonNode? Synthesize(IOpenApiSchema? schema, SchemaRepository repository, int depth)
    {
        if (schema is null || depth > 8)
        {
            return null;
        }

        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            return repository.Schemas.TryGetValue(id, out var target) ? Synthesize(target, repository, depth + 1) : null;
        }

        var type = schema.Type ?? JsonSchemaType.Object;
        if (type.HasFlag(JsonSchemaType.Object) && schema.Properties is { Count: > 0 })
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema.Properties)
            {
                result[name] = Synthesize(property, repository, depth + 1);
            }

            return result;
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            return new JsonArray(Synthesize(schema.Items, repository, depth + 1));
        }

        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            return JsonValue.Create(long.TryParse(schema.Minimum, out var minimum) ? minimum : 0);
        }

        if (type.HasFlag(JsonSchemaType.Boolean))
        {
            return JsonValue.Create(false);
        }

        if (type.HasFlag(JsonSchemaType.String))
        {
            return JsonValue.Create(schema.Format == "date-time" ? "2026-01-02T03:04:05.678Z" : "string");
        }

        return new JsonObject();
    }
}
