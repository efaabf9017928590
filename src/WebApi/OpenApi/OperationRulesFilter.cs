using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using CleanApp.Application.Articles;
using CleanApp.WebApi.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanApp.WebApi.OpenApi;

/// <summary>
/// The rules every operation of the document follows, derived from endpoint metadata so that endpoints added later get
/// them without extra work (ADR 0050): per-operation security from the authorization metadata, integer parameters from
/// <see cref="IntegerParameterAttribute"/>, an example for every JSON request body (the one given to <c>AcceptsJson</c>,
/// or one synthesized from the schema) and an example for every error response.
/// </summary>
public sealed class OperationRulesFilter : IOperationFilter
{
    public const string SecuritySchemeName = "Token";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var authentication = EndpointAuthenticationMetadata.Classify(metadata);
        ApplySecurity(operation, context, authentication);
        ApplyAuthenticationText(operation, authentication);
        ApplyIntegerParameters(operation, context.MethodInfo);
        var bodyExample = ApplyRequestBodyExample(operation, context, metadata.OfType<JsonRequestBodyMetadata>().FirstOrDefault());
        ApplyErrorExamples(operation, context, bodyExample, authentication);
    }

    private static void ApplySecurity(OpenApiOperation operation, OperationFilterContext context, EndpointAuthentication authentication)
    {
        var token = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [] };
        operation.Security = authentication switch
        {
            EndpointAuthentication.Required => [token],
            // An empty requirement first: anonymous is allowed, a token is accepted (and then must be valid).
            EndpointAuthentication.Optional => [new OpenApiSecurityRequirement(), token],
            _ => [],
        };
    }

    /// <summary>The same fact for readers of the description (ReDoc, Swagger UI, generated doc comments).</summary>
    private static void ApplyAuthenticationText(OpenApiOperation operation, EndpointAuthentication authentication)
    {
        var text = authentication switch
        {
            EndpointAuthentication.Required => "Authentication: required (`Authorization: Token <token>`); without it, 401.",
            EndpointAuthentication.Optional =>
                "Authentication: optional. Anonymous callers are served; a token, when sent, must be valid (401 otherwise).",
            _ => "Authentication: none; no token is needed.",
        };
        operation.Description = string.IsNullOrWhiteSpace(operation.Description) ? text : operation.Description + "\n\n" + text;
    }

    private static void ApplyIntegerParameters(OpenApiOperation operation, MethodInfo? method)
    {
        if (method is null || operation.Parameters is null)
        {
            return;
        }

        foreach (var info in method.GetParameters())
        {
            var parameter = operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == info.Name);
            var rule = info.GetCustomAttribute<IntegerParameterAttribute>() ?? Convention(info, parameter);
            if (rule is null || parameter is null)
            {
                continue;
            }

            var schema = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer,
                Format = rule.Maximum <= int.MaxValue && rule.Minimum >= int.MinValue ? "int32" : "int64",
            };
            if (rule.Minimum != long.MinValue)
            {
                schema.Minimum = rule.Minimum.ToString(CultureInfo.InvariantCulture);
            }

            if (rule.Maximum != long.MaxValue)
            {
                schema.Maximum = rule.Maximum.ToString(CultureInfo.InvariantCulture);
            }

            if (rule.Default != long.MinValue)
            {
                schema.Default = JsonValue.Create(rule.Default);
            }

            parameter.Schema = schema;
        }
    }

    /// <summary>
    /// The project's convention for text-bound parameters without an <see cref="IntegerParameterAttribute"/>: every
    /// handler parses <c>limit</c>/<c>offset</c> with <c>QueryValues.Integer</c> against the <see cref="Paging"/> bounds,
    /// and every <c>{id}</c>/<c>{…Id}</c> route value as a positive integer (anything else being a 404), so endpoints
    /// added later are documented right without the attribute. An attribute on the parameter overrides this.
    /// </summary>
    private static IntegerParameterAttribute? Convention(ParameterInfo info, OpenApiParameter? parameter)
    {
        if (info.ParameterType != typeof(string) || parameter is null)
        {
            return null;
        }

        return (parameter.In, parameter.Name) switch
        {
            (ParameterLocation.Query, "limit") => new IntegerParameterAttribute
            {
                Minimum = 1,
                Maximum = Paging.MaxLimit,
                Default = Paging.DefaultLimit,
            },
            (ParameterLocation.Query, "offset") => new IntegerParameterAttribute
            {
                Minimum = 0,
                Maximum = Paging.MaxOffset,
                Default = 0,
            },
            (ParameterLocation.Path, { } name) when name == "id" || name.EndsWith("Id", StringComparison.Ordinal) =>
                new IntegerParameterAttribute { Minimum = 1, Maximum = int.MaxValue },
            _ => null,
        };
    }

    private static JsonNode? ApplyRequestBodyExample(
        OpenApiOperation operation,
        OperationFilterContext context,
        JsonRequestBodyMetadata? metadata
    )
    {
        if (metadata is null || operation.RequestBody?.Content is null)
        {
            return null;
        }

        JsonNode? example = null;
        foreach (var media in operation.RequestBody.Content.Values.OfType<OpenApiMediaType>())
        {
            example = metadata.ExampleJson is not null
                ? JsonNode.Parse(metadata.ExampleJson)
                : SchemaExamples.Synthesize(media.Schema, context.SchemaRepository, depth: 0);
            media.Example = example;
        }

        return example;
    }

    private static void ApplyErrorExamples(
        OpenApiOperation operation,
        OperationFilterContext context,
        JsonNode? bodyExample,
        EndpointAuthentication authentication
    )
    {
        if (operation.Responses is null)
        {
            return;
        }

        var resource = Resource(operation);
        var statuses = context
            .ApiDescription.SupportedResponseTypes.Where(r => r.Type == typeof(ApiErrors.ErrorBody))
            .Select(r => r.StatusCode.ToString(CultureInfo.InvariantCulture));
        foreach (var status in statuses)
        {
            if (!operation.Responses.TryGetValue(status, out var response) || response.Content is null)
            {
                continue;
            }

            var (key, message) = ErrorExample(int.Parse(status, CultureInfo.InvariantCulture), resource, operation, bodyExample);
            if (status == "401" && authentication == EndpointAuthentication.Optional)
            {
                // Anonymous is fine here; only a token that does not authenticate is refused.
                message = "is invalid";
            }

            foreach (var media in response.Content.Values.OfType<OpenApiMediaType>())
            {
                media.Example = new JsonObject { ["errors"] = new JsonObject { [key] = new JsonArray(message) } };
            }
        }
    }

    /// <summary>The error key of a 403/404: the singular of the operation's tag (<c>Articles</c> → <c>article</c>).</summary>
    private static string Resource(OpenApiOperation operation)
    {
        var tag = operation.Tags?.FirstOrDefault()?.Name ?? "resource";
        var lower = tag.ToLowerInvariant();
        return lower.EndsWith('s') ? lower[..^1] : lower;
    }

    private static (string Key, string Message) ErrorExample(int status, string resource, OpenApiOperation operation, JsonNode? body) =>
        status switch
        {
            StatusCodes.Status400BadRequest => ("body", "is not valid JSON"),
            StatusCodes.Status401Unauthorized => ("token", "is missing"),
            StatusCodes.Status403Forbidden => (resource, "forbidden"),
            StatusCodes.Status404NotFound => (resource, "not found"),
            StatusCodes.Status409Conflict => (FirstField(body) ?? resource, "has already been taken"),
            StatusCodes.Status413PayloadTooLarge => ("body", "is too large"),
            StatusCodes.Status415UnsupportedMediaType => ("body", "must be application/json"),
            StatusCodes.Status422UnprocessableEntity => FirstField(body) is { } field ? (field, "can't be blank")
            : FirstIntegerQuery(operation) is { } query ? (query, "must be an integer")
            : (resource, "is invalid"),
            _ => ("request", Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status).ToLowerInvariant()),
        };

    /// <summary>The first field of the body's root object, e.g. <c>username</c> in <c>{"user":{"username":…}}</c>.</summary>
    private static string? FirstField(JsonNode? body) =>
        body is JsonObject root && root.FirstOrDefault().Value is JsonObject inner && inner.Count > 0 ? inner.First().Key : null;

    private static string? FirstIntegerQuery(OpenApiOperation operation) =>
        operation.Parameters?.FirstOrDefault(p => p.In == ParameterLocation.Query && p.Schema?.Type == JsonSchemaType.Integer)?.Name;
}
