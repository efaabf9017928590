namespace CleanApp.WebApi.OpenApi;

/// <summary>
/// Documents a route or query parameter that the handler binds as text (so a malformed value reaches
/// <c>QueryValues</c> and becomes the documented 422, or a 404 for an id, never the binder's bare 400) as what it is: an
/// integer with its bounds and default. Bounds should be the same constants the validator checks
/// (e.g. <c>Paging.MaxLimit</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class IntegerParameterAttribute : Attribute
{
    public long Minimum { get; init; } = long.MinValue;

    public long Maximum { get; init; } = long.MaxValue;

    /// <summary>The value used when the parameter is absent; <see cref="long.MinValue"/> means "no default".</summary>
    public long Default { get; init; } = long.MinValue;
}
