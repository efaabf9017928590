using System.Reflection;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using CleanApp.Architecture.Tests.Support;

namespace CleanApp.Architecture.Tests;

/// <summary>
/// AutoMapper is used for projections only (docs/decisions/0015-automapper-14-projections-only.md): <c>ProjectTo</c>
/// translates a mapping into SQL once, while <c>IMapper.Map</c>/<c>IRuntimeMapper.Map</c> walk object graphs in memory,
/// the path GHSA-rvv3-g6hj-g44x (uncontrolled recursion, AutoMapper below 15.1.4) is about. No code in src/ may call it,
/// including code hidden in lambdas, async state machines and expression trees.
/// </summary>
public sealed class MappingRulesTests
{
    private static readonly Assembly[] Sources = [Layers.Domain, Layers.Application, Layers.Infrastructure, Layers.WebApi];

    [Test]
    public void No_code_in_src_maps_object_graphs_in_memory() => Assert.That(InMemoryMapCalls(TopLevelTypes(Sources)), Is.Empty);

    [Test]
    public void The_read_side_projects_with_ProjectTo()
    {
        // Proves the scan sees AutoMapper calls in the handlers at all: the same walk must find the projections.
        var projections = TopLevelTypes([Layers.Application])
            .SelectMany(TypeUsage.MethodsCalledBy)
            .Where(c => c.Method.DeclaringType == typeof(Extensions) && c.Method.Name == nameof(Extensions.ProjectTo));

        Assert.That(projections, Is.Not.Empty);
    }

    [TestCase(typeof(MapsInAnAsyncMethod))]
    [TestCase(typeof(MapsThroughTheRuntimeMapper))]
    [TestCase(typeof(MapsInsideALambda))]
    [TestCase(typeof(MapsInAnExpressionTree))]
    public void The_check_sees_an_in_memory_map(Type example) => Assert.That(InMemoryMapCalls([example]), Is.Not.Empty);

    private static IEnumerable<Type> TopLevelTypes(IEnumerable<Assembly> assemblies) =>
        assemblies.SelectMany(a => a.GetTypes()).Where(t => !t.IsNested);

    private static List<string> InMemoryMapCalls(IEnumerable<Type> types) =>
        types
            .SelectMany(TypeUsage.MethodsCalledBy)
            .Where(c => IsInMemoryMap(c.Method))
            .Select(c => $"{c.Where} calls {c.Method.DeclaringType!.Name}.{c.Method.Name}")
            .Distinct()
            .ToList();

    /// <summary>Every <c>Map</c> overload of IMapperBase, IRuntimeMapper, IMapper and Mapper.</summary>
    private static bool IsInMemoryMap(MethodBase method) =>
        method.Name == nameof(IMapperBase.Map) && method.DeclaringType?.Assembly == typeof(IMapper).Assembly;

    private sealed record Source(string Name);

    private sealed record Target(string Name);

    private static class MapsInAnAsyncMethod
    {
        public static async Task<Target> HandleAsync(IMapper mapper, Source source)
        {
            await Task.Yield();
            return mapper.Map<Target>(source);
        }
    }

    private static class MapsThroughTheRuntimeMapper
    {
        public static Target Handle(IRuntimeMapper mapper, Source source) => mapper.Map<Source, Target>(source);
    }

    private static class MapsInsideALambda
    {
        public static IEnumerable<Target> Handle(IMapper mapper, IEnumerable<Source> sources) => sources.Select(s => mapper.Map<Target>(s));
    }

    private static class MapsInAnExpressionTree
    {
        public static IQueryable<Target> Handle(IMapper mapper, IQueryable<Source> sources) => sources.Select(s => mapper.Map<Target>(s));
    }
}
