using CleanApp.Application.Common.Interfaces;
using CleanApp.Architecture.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Architecture.Tests;

/// <summary>An endpoint only binds, sends and maps (STYLE.md rule 6); it never touches the DbContext (rule 13).</summary>
public sealed class EndpointRulesTests
{
    private const string EndpointsNamespace = "CleanApp.WebApi.Endpoints";

    private static IEnumerable<Type> EndpointTypes() =>
        Layers.WebApi.GetTypes().Where(t => t.Namespace == EndpointsNamespace && !t.IsNested);

    [Test]
    public void There_are_endpoint_classes_to_check() => Assert.That(EndpointTypes(), Is.Not.Empty);

    [Test]
    public void Endpoint_classes_never_use_the_DbContext() => Assert.That(DbContextUsages(EndpointTypes()), Is.Empty);

    [Test]
    public void Endpoint_groups_live_in_the_Endpoints_namespace()
    {
        var groups = Layers
            .WebApi.GetTypes()
            .Where(t =>
                t is { IsAbstract: false, IsInterface: false } && typeof(CleanApp.WebApi.Common.IEndpointGroup).IsAssignableFrom(t)
            );

        Assert.That(groups.Select(t => t.Namespace), Is.All.EqualTo(EndpointsNamespace));
    }

    [Test]
    public void The_check_sees_a_DbContext_used_only_inside_an_async_handler_body()
    {
        // Proves the rule above can fail: the usage hides in the compiler-generated state machine, not in any signature.
        Assert.That(DbContextUsages([typeof(BadEndpointExample)]), Is.Not.Empty);
    }

    [Test]
    public void The_check_sees_a_DbContext_injected_as_a_parameter() =>
        Assert.That(DbContextUsages([typeof(BadParameterExample)]), Is.Not.Empty);

    private static List<string> DbContextUsages(IEnumerable<Type> types) =>
        (
            from type in types
            from usage in TypeUsage.UsedBy(type)
            from used in TypeUsage.Flatten(usage.Type)
            where IsPersistence(used)
            select $"{usage.Where} uses {used.FullName}"
        )
            .Distinct()
            .ToList();

    private static bool IsPersistence(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || type == typeof(IApplicationDbContext)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(DbSet<>))
        || (type.Namespace?.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) ?? false)
        || (type.Namespace?.StartsWith("CleanApp.Infrastructure.Persistence", StringComparison.Ordinal) ?? false);

    private static class BadEndpointExample
    {
        public static async Task<int> Handle(IServiceProvider services)
        {
            await Task.Yield();
            var db = (IApplicationDbContext)services.GetService(typeof(IApplicationDbContext))!;
            return await db.Users.CountAsync();
        }
    }

    private static class BadParameterExample
    {
        public static int Handle(CleanApp.Infrastructure.Persistence.ApplicationDbContext db) => db.GetHashCode();
    }
}
