using System.Collections;
using AutoMapper.Internal;
using CleanApp.Application.Common.Mappings;

namespace CleanApp.Application.UnitTests.Common.Mappings;

/// <summary>
/// Keeps AutoMapper 8 outside the reach of GHSA-rvv3-g6hj-g44x (uncontrolled recursion on self-referential graphs):
/// no mapped source type may reach itself through its properties (docs/decisions/0005-automapper-8.md).
/// </summary>
public sealed class MappingSafetyTests
{
    [Test]
    public void The_configuration_is_valid() => MappingConfiguration.Create().AssertConfigurationIsValid();

    [Test]
    public void No_mapped_source_type_is_self_referential()
    {
        var configuration = MappingConfiguration.Create();
        var sources = configuration.Internal().GetAllTypeMaps().Select(m => m.SourceType).Distinct().ToList();

        Assert.That(sources, Is.Not.Empty);
        foreach (var source in sources)
        {
            Assert.That(ReachesItself(source), Is.False, $"{source.Name} reaches itself through its properties");
        }
    }

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
}
