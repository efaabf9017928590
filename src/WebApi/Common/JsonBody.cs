using System.Text.Json;
using CleanApp.Application.Common.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CleanApp.WebApi.Common;

/// <summary>
/// Reads a request body of the form <c>{"&lt;root&gt;": {...}}</c> into the command type with the strict rules of
/// shared/API.md: JSON media type only (415), bounded size (413), well-formed UTF-8 JSON (400), the root key present and
/// an object (422), text that is valid Unicode without non-characters (422 naming the field), and every field of the
/// expected JSON type (422 naming the field). Nothing is coerced.
/// </summary>
public sealed class JsonBody(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions, IOptions<ApiOptions> apiOptions)
{
    public async Task<T> ReadAsync<T>(HttpRequest request, string rootKey, CancellationToken cancellationToken)
    {
        EnsureJsonMediaType(request);
        var bytes = await ReadBoundedAsync(request, apiOptions.Value.MaxRequestBodyBytes, cancellationToken);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, "body", "is not valid JSON");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, "body", "must be a JSON object");
            }

            if (!document.RootElement.TryGetProperty(rootKey, out var root) || root.ValueKind == JsonValueKind.Null)
            {
                throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, rootKey, "can't be blank");
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, rootKey, "must be an object");
            }

            EnsureInterchangeableText(root, rootKey);

            try
            {
                return root.Deserialize<T>(jsonOptions.Value.SerializerOptions)
                    ?? throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, rootKey, "can't be blank");
            }
            catch (JsonException ex)
            {
                throw new ApiRequestException(
                    StatusCodes.Status422UnprocessableEntity,
                    FieldName(ex.Path, rootKey),
                    "has an invalid type or value"
                );
            }
        }
    }

    /// <summary>
    /// Every string of the body (values, array items and property names, at any depth) must decode (no invalid UTF-8, no
    /// lone surrogate escape) and hold no Unicode non-character. Non-characters are legal JSON, but no client means text by
    /// them, and on Linux <see cref="string.Normalize()"/> throws on U+FFFE: Identity's email lookup and the slug both
    /// normalize, so such a value used to escape as an ArgumentException (500). Checking here covers every field of every
    /// endpoint before any command runs; the error names the top-level field, as type errors do.
    /// </summary>
    private static void EnsureInterchangeableText(JsonElement root, string rootKey)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (TextProblem(property) is { } problem)
            {
                // A field whose own name is not valid text cannot be named back to the client; the root key stands in.
                var field = NameProblem(property) is null ? property.Name : rootKey;
                throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, field, problem);
            }
        }
    }

    private const string InvalidText = "contains invalid text";
    private const string NonCharacter = "contains a Unicode non-character";

    private static string? TextProblem(JsonProperty property) => NameProblem(property) ?? TextProblem(property.Value);

    private static string? TextProblem(JsonElement element) =>
        element.ValueKind switch
        {
            JsonValueKind.String => Decoded(element.GetString),
            JsonValueKind.Array => element.EnumerateArray().Select(TextProblem).FirstOrDefault(p => p is not null),
            JsonValueKind.Object => element.EnumerateObject().Select(TextProblem).FirstOrDefault(p => p is not null),
            _ => null,
        };

    private static string? NameProblem(JsonProperty property) => Decoded(() => property.Name);

    private static string? Decoded(Func<string?> read)
    {
        string text;
        try
        {
            text = read() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            // How System.Text.Json reports invalid UTF-8 or a lone UTF-16 surrogate escape inside a string.
            return InvalidText;
        }

        return UnicodeText.ContainsNonCharacter(text) ? NonCharacter : null;
    }

    /// <summary>JSON in UTF-8 only; <c>charset="utf-8"</c> is the same parameter quoted (RFC 9110 §5.6.6).</summary>
    private static void EnsureJsonMediaType(HttpRequest request)
    {
        if (
            !MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (
                mediaType.Charset.HasValue
                && !HeaderUtilities.RemoveQuotes(mediaType.Charset).Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            )
        )
        {
            throw new ApiRequestException(StatusCodes.Status415UnsupportedMediaType, "body", "must be application/json");
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }

        return buffer.ToArray();
    }

    private static ApiRequestException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "body", $"is too large (maximum is {limit} bytes)");

    /// <summary><c>$.tagList[0]</c> → <c>tagList</c>; the error names the field as the client sent it.</summary>
    private static string FieldName(string? path, string fallback)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return fallback;
        }

        var name = path.TrimStart('$', '.');
        var cut = name.IndexOfAny(['.', '[']);
        name = cut >= 0 ? name[..cut] : name;
        return name.Trim('\'', '[', ']').Length == 0 ? fallback : name.Trim('\'', '[', ']');
    }
}

/// <summary>Bounds of the public API, bound from the <c>Api</c> section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>1 MiB: room for a long article body, far from a memory problem.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
