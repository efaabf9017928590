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
}
