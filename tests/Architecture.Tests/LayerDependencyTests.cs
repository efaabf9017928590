using CleanApp.Architecture.Tests.Support;

namespace CleanApp.Architecture.Tests;

/// <summary>STYLE.md rule 13, checked on the compiled assemblies' references.</summary>
public sealed class LayerDependencyTests
{
    [Test]
    public void Domain_references_only_the_base_class_library()
    {
        var references = Layers.ReferencedAssemblyNames(Layers.Domain).ToList();

        Assert.That(
            references.Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "mscorlib")),
            Is.Empty,
            "Domain may reference System.* only: " + string.Join(", ", references)
        );
    }

    [Test]
    public void Domain_references_no_other_project() =>
        Assert.That(Layers.ReferencedAssemblyNames(Layers.Domain), Has.None.StartsWith("CleanApp."));

    [Test]
    public void Application_references_only_Domain_among_the_projects() =>
        Assert.That(
            Layers.ReferencedAssemblyNames(Layers.Application).Where(n => n.StartsWith("CleanApp.", StringComparison.Ordinal)),
            Is.EqualTo(new[] { "CleanApp.Domain" })
        );

    [TestCase("CleanApp.Infrastructure")]
    [TestCase("CleanApp.WebApi")]
    [TestCase("Microsoft.AspNetCore")]
    [TestCase("Hangfire")]
    public void Application_does_not_reference(string forbiddenPrefix) =>
        Assert.That(Layers.ReferencedAssemblyNames(Layers.Application), Has.None.StartsWith(forbiddenPrefix));

    [Test]
    public void No_Application_type_uses_a_type_from_ASP_NET_Core_Infrastructure_or_WebApi()
    {
        var offenders =
            from type in Layers.Application.GetTypes()
            from usage in TypeUsage.UsedBy(type)
            from used in TypeUsage.Flatten(usage.Type)
            where IsForbiddenForApplication(used)
            select $"{usage.Where} uses {used.FullName}";

        Assert.That(offenders.Distinct(), Is.Empty);
    }

    [Test]
    public void Infrastructure_does_not_reference_WebApi() =>
        Assert.That(Layers.ReferencedAssemblyNames(Layers.Infrastructure), Has.None.StartsWith("CleanApp.WebApi"));

    [Test]
    public void The_projects_reference_each_other_only_inwards()
    {
        // Outer layers may depend on inner ones, never the reverse.
        var order = new[] { Layers.Domain, Layers.Application, Layers.Infrastructure, Layers.WebApi };
        for (var inner = 0; inner < order.Length; inner++)
        {
            var outerNames = order.Skip(inner + 1).Select(a => a.GetName().Name!).ToList();
            Assert.That(Layers.ReferencedAssemblyNames(order[inner]).Intersect(outerNames), Is.Empty, order[inner].GetName().Name);
        }
    }

    private static bool IsForbiddenForApplication(Type type)
    {
        var assembly = type.Assembly.GetName().Name ?? string.Empty;
        return type.Assembly == Layers.Infrastructure
            || type.Assembly == Layers.WebApi
            || assembly.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || assembly.StartsWith("Hangfire", StringComparison.Ordinal)
            || (type.Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ?? false);
    }
}
