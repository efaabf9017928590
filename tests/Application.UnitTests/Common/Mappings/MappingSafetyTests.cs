using System.Collections;
using AutoMapper;
using AutoMapper.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace CleanApp.Application.UnitTests.Common.Mappings;

/// <summary>
/// Second line against GHSA-rvv3-g6hj-g44x (uncontrolled recursion when AutoMapper below 15.1.4 maps object graphs in
/// memory). The first line is that nothing calls <c>IMapper.Map</c> (tests/Architecture.Tests/MappingRulesTests.cs); this
/// one keeps every mapped source type free of cycles, so even a projection's expression stays a finite tree and a
/// reintroduced in-memory map would have no self-referential graph to recurse into (docs/decisions/0015).
/// </summary>
public sealed class MappingSafetyTests
{
    [Test]
    public void No_mapped_source_type_is_self_referential()
    {
        using var services = new ServiceCollection().AddLogging().AddApplicationServices().BuildServiceProvider();
        var configuration = services.GetRequiredService<IConfigurationProvider>();
        var sources = configuration.Internal().GetAllTypeMaps().Select(m => m.SourceType).Distinct().ToList();

        Assert.That(sources, Is.Not.Empty);
        foreach (var source in sources)
        {
            Assert.That(ReachesItself(source), Is.False, $"{source.Name} reaches itself through its properties");
        }
    }

    [Test]
    public void The_check_sees_a_cycle_through_a_collection() => Assert.That(ReachesItself(typeof(Node)), Is.True);

    private static bool ReachesItself(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>(Children(root));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type == root)
            {
                return true;
            }

            if (seen.Add(type))
            {
                foreach (var child in Children(type))
                {
                    pending.Push(child);
                }
            }
        }

        return false;
    }

    /// <summary>Property types (element types for collections) that belong to CleanApp; framework types cannot cycle back.</summary>
    private static IEnumerable<Type> Children(Type type) =>
        type.GetProperties()
            .Select(p => ElementType(p.PropertyType))
            .Where(t => t.Namespace?.StartsWith("CleanApp", StringComparison.Ordinal) == true);

    private static Type ElementType(Type type)
    {
        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.IsArray ? type.GetElementType()! : type.GetGenericArguments().LastOrDefault() ?? type;
        }

        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private sealed class Node
    {
        public IReadOnlyCollection<Leaf> Leaves { get; } = [];
    }

    private sealed class Leaf
    {
        public Node? Parent { get; init; }
    }
}
