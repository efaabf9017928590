namespace CleanApp.WebApi.Common;

/// <summary>One class per resource maps its routes; discovered by <see cref="EndpointGroupExtensions.MapEndpointGroups"/>.</summary>
public interface IEndpointGroup
{
    void Map(IEndpointRouteBuilder app);
}

public static class EndpointGroupExtensions
{
    public static IEndpointRouteBuilder MapEndpointGroups(this IEndpointRouteBuilder app)
    {
        var groups = typeof(IEndpointGroup)
            .Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndpointGroup).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var type in groups)
        {
            ((IEndpointGroup)Activator.CreateInstance(type)!).Map(app);
        }

        return app;
    }
}
