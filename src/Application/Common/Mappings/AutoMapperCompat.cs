using System.Reflection;
using AutoMapper;

namespace CleanApp.Application.Common.Mappings;

/// <summary>
/// The one place that works around AutoMapper 8.0.0 on .NET 7+ (upstream issue #3988, fixed only in AutoMapper 12 which
/// the package source lacks): building a configuration that scans LINQ extension methods for flattening throws
/// <c>ArgumentException ... MaxInteger[T] violates the constraint of type 'T'</c>. Clearing the profile's private list of
/// source extension methods avoids the scan. The cost is LINQ-method flattening (<c>ItemsCount</c> from
/// <c>Items.Count()</c>), which our read-side mappings do not use. See docs/decisions/0005-automapper-8.md.
/// </summary>
internal static class AutoMapperCompat
{
    private static readonly FieldInfo SourceExtensionMethods = typeof(Profile).GetField(
        "_sourceExtensionMethods",
        BindingFlags.Instance | BindingFlags.NonPublic
    )
        ?? throw new InvalidOperationException(
            "AutoMapper.Profile._sourceExtensionMethods not found: the AutoMapper 8 workaround no longer applies."
        );

    public static void DisableExtensionMethodFlattening(Profile profile)
    {
        if (SourceExtensionMethods.GetValue(profile) is System.Collections.IList methods)
        {
            methods.Clear();
        }
    }
}

/// <summary>Base class for every read-side mapping profile; see <see cref="AutoMapperCompat"/>.</summary>
public abstract class CompatProfile : Profile
{
    protected CompatProfile() => AutoMapperCompat.DisableExtensionMethodFlattening(this);
}

public static class MappingConfiguration
{
    /// <summary>Builds the configuration from every <see cref="CompatProfile"/> in the Application assembly.</summary>
    public static MapperConfiguration Create() =>
        new(cfg =>
        {
            // The root expression is itself a Profile and needs the same treatment.
            if (cfg is Profile root)
            {
                AutoMapperCompat.DisableExtensionMethodFlattening(root);
            }

            foreach (
                var type in typeof(MappingConfiguration)
                    .Assembly.GetTypes()
                    .Where(t => !t.IsAbstract && typeof(CompatProfile).IsAssignableFrom(t))
            )
            {
                cfg.AddProfile((Profile)Activator.CreateInstance(type)!);
            }
        });
}
