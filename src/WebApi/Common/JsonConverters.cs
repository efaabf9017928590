using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CleanApp.Application.Common.Models;

namespace CleanApp.WebApi.Common;

/// <summary>
/// Always <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>: System.Text.Json would drop a zero fraction and, for Kind=Unspecified values,
/// the <c>Z</c>, which breaks the conformance suites' timestamp regex and createdAt equality (shared/API.md).
/// </summary>
public sealed class UtcDateTimeJsonConverter : JsonConverter<DateTime>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>A string that is not a date (or not a string) is a <see cref="JsonException"/>, which the body reader answers with 422.</summary>
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateTime.TryParse(
            reader.GetString(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var value
        )
            ? value
            : throw new JsonException("Not an ISO-8601 time.");

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        writer.WriteStringValue(utc.ToString(Format, CultureInfo.InvariantCulture));
    }
}

/// <summary>Reads <see cref="Optional{T}"/>: a present key (even <c>null</c>) has a value, an absent key stays absent.</summary>
public sealed class OptionalJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalJsonConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            try
            {
                return new(JsonSerializer.Deserialize<T>(ref reader, options)!);
            }
            catch (JsonException ex)
            {
                // The nested call reports a path relative to the value ("$"); a path-less exception lets the outer
                // serializer fill in the property's path, so the 422 names the field (e.g. "tagList", "bio").
                throw new JsonException(ex.Message.Split(" Path:", 2)[0], ex.InnerException);
            }
        }

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options)
        {
            if (value.HasValue)
            {
                JsonSerializer.Serialize(writer, value.Value, options);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}

public static class JsonDefaults
{
    /// <summary>camelCase, explicit nulls, strict types, the fixed timestamp format.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.PropertyNameCaseInsensitive = false;
        options.ReadCommentHandling = JsonCommentHandling.Disallow;
        options.AllowTrailingCommas = false;
        options.MaxDepth = 32;
        options.Converters.Add(new UtcDateTimeJsonConverter());
        options.Converters.Add(new OptionalJsonConverterFactory());
    }
}
