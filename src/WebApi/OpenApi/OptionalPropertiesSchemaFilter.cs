using System.Reflection;
using System.Text.Json;
using CleanApp.Application.Common.Models;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CleanApp.WebApi.OpenApi;

/// <summary>
/// An <see cref="Optional{T}"/> property is a key the client may leave out (a partial update), so it is never in the
/// schema's <c>required</c> list, although the struct itself is not nullable; an <c>Optional&lt;string?&gt;</c> also accepts
/// an explicit <c>null</c> (e.g. <c>bio</c>), so it is documented as nullable. Whether a null is then valid is the
/// validator's call (a documented 422).
/// </summary>
public sealed class OptionalPropertiesSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is null || context.Type is null)
        {
            return;
        }

        var nullability = new NullabilityInfoContext();
        foreach (var property in context.Type.GetProperties())
        {
            if (!property.PropertyType.IsGenericType || property.PropertyType.GetGenericTypeDefinition() != typeof(Optional<>))
            {
                continue;
            }

            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            concrete.Required?.Remove(name);
            var inner = nullability.Create(property).GenericTypeArguments[0];
            if (
                inner.ReadState == NullabilityState.Nullable
                && inner.Type == typeof(string)
                && concrete.Properties.TryGetValue(name, out var propertySchema)
                && propertySchema is OpenApiSchema { Type: { } type } concreteProperty
            )
            {
                concreteProperty.Type = type | JsonSchemaType.Null;
            }
        }
    }
}
