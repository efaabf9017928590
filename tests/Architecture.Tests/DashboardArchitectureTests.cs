using System.Reflection;
using CleanApp.Application.Common.Interfaces;
using CleanApp.WebApi.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace CleanApp.Architecture.Tests;

/// <summary>
/// The dashboard reads through IJobMonitoringApi and acts through Application commands (STYLE.md rule 13): no type of
/// the dashboard or the endpoints, nor any compiler-generated closure or async state machine inside them, holds,
/// receives, returns or declares a local of a DbContext or anything from the persistence namespaces.
/// </summary>
public sealed class DashboardArchitectureTests
{
    private const BindingFlags All =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Test]
    public void Dashboard_and_endpoint_code_never_touches_the_DbContext()
    {
        var types = typeof(DashboardLayout)
            .Assembly.GetTypes()
            .Where(t => t.Namespace is "CleanApp.WebApi.Dashboard" or "CleanApp.WebApi.Endpoints")
            .ToList();
        Assert.That(types, Has.Count.GreaterThan(5));

        Assert.That(types.SelectMany(Usages).Distinct().ToList(), Is.Empty);
    }

    [Test]
    public void The_check_sees_a_DbContext_hidden_in_an_async_method() =>
        Assert.That(typeof(BadExample).GetNestedTypes(All).Append(typeof(BadExample)).SelectMany(Usages).ToList(), Is.Not.Empty);

    private static IEnumerable<string> Usages(Type type)
    {
        foreach (var field in type.GetFields(All).Where(f => IsPersistence(f.FieldType)))
        {
            yield return $"{type.FullName}.{field.Name}: {field.FieldType.Name}";
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            var types = method
                .GetParameters()
                .Select(p => p.ParameterType)
                .Concat(method is MethodInfo m ? [m.ReturnType] : [])
                .Concat(method.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []);
            foreach (var used in types.Where(IsPersistence))
            {
                yield return $"{type.FullName}.{method.Name}: {used.Name}";
            }
        }
    }

    private static bool IsPersistence(Type type)
    {
        var element = type.IsByRef || type.IsArray ? type.GetElementType()! : type;
        return typeof(DbContext).IsAssignableFrom(element)
            || element == typeof(IApplicationDbContext)
            || (element.Namespace?.StartsWith("CleanApp.Infrastructure", StringComparison.Ordinal) ?? false)
            || (element.IsGenericType && element.GetGenericArguments().Any(IsPersistence));
    }

    private static class BadExample
    {
        public static async Task<int> HandleAsync(IServiceProvider services)
        {
            await Task.Yield();
            var db = (IApplicationDbContext)services.GetService(typeof(IApplicationDbContext))!;
            return await db.Users.CountAsync();
        }
    }
}
