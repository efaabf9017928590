using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanApp.Client;

/// <summary>
/// Hand-written additions to the generated <c>ConduitClient</c> (ConduitClient.g.cs): the <c>Token</c> scheme, and
/// request bodies that leave out unset (null) properties, so a partial update such as
/// <c>new UpdateArticleFields { Body = "…" }</c> does not also send <c>"title": null</c> (which the API refuses with a 422).
/// To clear <c>bio</c> or <c>image</c>, send an empty string: the API stores it as null.
/// </summary>
public partial class ConduitClient
{
    /// <summary>The token from <c>user.token</c>; sent as <c>Authorization: Token &lt;token&gt;</c> when set.</summary>
    public string? Token { get; set; }

    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        if (Token is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        }
    }
}
