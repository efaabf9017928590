using System.Reflection;
using CleanApp.Application.Common.Jobs;
using MediatR;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>The assemblies whose <see cref="BackgroundJobAttribute"/> commands are job kinds (Application's, plus any added).</summary>
public sealed class JobKindAssemblies
{
    public IList<Assembly> Assemblies { get; } = [];
}

public sealed class JobKindRegistry : IJobKindRegistry
{
    private readonly Dictionary<string, JobKindDescriptor> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, JobKindDescriptor> _byType = [];

    public JobKindRegistry(JobKindAssemblies assemblies)
    {
        foreach (var type in assemblies.Assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.GetCustomAttribute<BackgroundJobAttribute>() is not { } attribute)
            {
                continue;
            }

            if (type.IsAbstract || !typeof(IRequest<Unit>).IsAssignableFrom(type))
            {
                throw new InvalidOperationException($"{type.FullName} has [BackgroundJob] but is not a concrete IRequest command.");
            }

            if (string.IsNullOrWhiteSpace(attribute.Kind))
            {
                throw new InvalidOperationException($"{type.FullName} has an empty job kind.");
            }

            var descriptor = new JobKindDescriptor(attribute.Kind, type, attribute);
            if (!_byKind.TryAdd(attribute.Kind, descriptor) && _byKind[attribute.Kind].CommandType != type)
            {
                throw new InvalidOperationException(
                    $"Job kind '{attribute.Kind}' is used by both {_byKind[attribute.Kind].CommandType.FullName} and {type.FullName}."
                );
            }

            _byType[type] = descriptor;
        }
    }

    public IReadOnlyCollection<JobKindDescriptor> Kinds => _byKind.Values;

    public bool TryGetByKind(string kind, out JobKindDescriptor descriptor) => _byKind.TryGetValue(kind, out descriptor!);

    public bool TryGetByType(Type commandType, out JobKindDescriptor descriptor) => _byType.TryGetValue(commandType, out descriptor!);

    public JobKindDescriptor GetByType(Type commandType) =>
        TryGetByType(commandType, out var descriptor)
            ? descriptor
            : throw new InvalidOperationException(
                $"{commandType.FullName} is not a registered job kind: add [BackgroundJob(\"kind-name\")] to it (docs/jobs.md)."
            );
}
