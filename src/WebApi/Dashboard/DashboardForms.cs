using Microsoft.AspNetCore.Antiforgery;

namespace CleanApp.WebApi.Dashboard;

/// <summary>
/// Every dashboard action is a form POST carrying the framework's antiforgery token (IAntiforgery); the token is bound
/// to the signed-in ops user. <see cref="ValidateAntiforgery"/> rejects a POST without a valid token with 400.
/// </summary>
public static class DashboardForms
{
    public const string TokenField = "__RequestVerificationToken";

    public static string TokenInput(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{TokenField}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }

    /// <summary>A one-button form (the button is shown only to operators: callers check before rendering).</summary>
    public static string Button(
        HttpContext context,
        string action,
        string label,
        IEnumerable<KeyValuePair<string, string>>? fields = null,
        string cssClass = "btn",
        string? confirm = null
    )
    {
        var hidden = string.Concat(
            (fields ?? []).Select(f => $"<input type=\"hidden\" name=\"{Html.E(f.Key)}\" value=\"{Html.E(f.Value)}\">")
        );
        var onSubmit = confirm is null ? string.Empty : $" data-confirm=\"{Html.E(confirm)}\"";
        return $"<form method=\"post\" action=\"{Html.E(action)}\" class=\"inline\"{onSubmit}>{TokenInput(context)}{hidden}<button type=\"submit\" class=\"{cssClass}\">{Html.E(label)}</button></form>";
    }

    public static EndpointFilterDelegate ValidateAntiforgery(EndpointFilterFactoryContext factoryContext, EndpointFilterDelegate next) =>
        async invocation =>
        {
            var http = invocation.HttpContext;
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return Results.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "Bad Request",
                    detail: "The form's antiforgery token is missing or invalid. Reload the page and try again."
                );
            }

            return await next(invocation);
        };

    /// <summary>Only local paths under /jobs, so a crafted returnUrl cannot send the user elsewhere.</summary>
    public static string SafeReturnUrl(string? returnUrl, string fallback = OpsAuthentication.BasePath) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl.StartsWith(OpsAuthentication.BasePath, StringComparison.Ordinal)
        && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : fallback;
}
