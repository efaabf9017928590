using System.Diagnostics.CodeAnalysis;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanApp.WebApi.Common;

public static class OpenApiExtensions
{
    /// <summary>Documents error statuses with the <c>{"errors":{...}}</c> body.</summary>
    public static RouteHandlerBuilder ProducesApiErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.Produces<ApiErrors.ErrorBody>(status);
        }

        return builder;
    }

    /// <summary>
    /// Documents a JSON request body of type <typeparamref name="T"/> <b>without</b> the framework's Accepts metadata: that
    /// metadata makes routing answer 415 before authentication runs, and the contract wants 401 first (shared/API.md).
    /// <see cref="JsonBody"/> enforces the media type after authorization instead. <paramref name="exampleJson"/> is the
    /// request body's example in the document; without one, an example is synthesized from the schema.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<T>(
        this RouteHandlerBuilder builder,
        [StringSyntax(StringSyntaxAttribute.Json)] string? exampleJson = null
    ) => builder.WithMetadata(new JsonRequestBodyMetadata(typeof(T), exampleJson));
}

public sealed record JsonRequestBodyMetadata(Type BodyType, string? ExampleJson = null);

/// <summary>Turns <see cref="JsonRequestBodyMetadata"/> into the operation's OpenAPI request body.</summary>
public sealed class JsonRequestBodyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<JsonRequestBodyMetadata>().FirstOrDefault();
        if (metadata is null)
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new OpenApiMediaType
                {
                    Schema = context.SchemaGenerator.GenerateSchema(metadata.BodyType, context.SchemaRepository),
                },
            },
        };
    }
}
