using System.Reflection;
using System.Text.Json;
using CleanApp.Application.Common.Jobs;
using MediatR;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>A registered job kind: the stable name, the command type and its defaults.</summary>
public sealed record JobKind(string Name, Type CommandType, BackgroundJobAttribute Defaults);

/// <summary>The assemblies whose <see cref="BackgroundJobAttribute"/> commands are job kinds (Application's, plus any added).</summary>
public sealed class JobKindAssemblies
{
    public IList<Assembly> Assemblies { get; } = [];
}

/// <summary>
/// Kind ⇄ command type. Hangfire only ever sees the kind and the System.Text.Json payload (<see cref="JobDispatcher"/>),
/// so the class can be renamed or moved without stranding queued jobs.
/// </summary>
public sealed class JobKindRegistry
{
    public static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerDefaults.Web);

    // Job arguments are visible on the dashboard: a command carrying one of these would show it to ops staff.
    private static readonly string[] SecretNames = ["password", "secret", "token", "apikey", "connectionstring"];

    private readonly Dictionary<string, JobKind> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, JobKind> _byType = [];

    public JobKindRegistry(JobKindAssemblies assemblies)
    {
        foreach (var type in assemblies.Assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.GetCustomAttribute<BackgroundJobAttribute>() is { } attribute)
            {
                Add(type, attribute);
            }
        }
    }

    public IReadOnlyCollection<JobKind> Kinds => _byName.Values;

    public bool TryGet(string name, out JobKind kind) => _byName.TryGetValue(name, out kind!);

    public JobKind Get(Type commandType) =>
        _byType.TryGetValue(commandType, out var kind)
            ? kind
            : throw new InvalidOperationException(
                $"{commandType.FullName} is not a registered job kind: add [BackgroundJob(\"kind-name\")] to it (docs/jobs.md)."
            );

    public static string Serialize(object command) => JsonSerializer.Serialize(command, command.GetType(), PayloadOptions);

    private void Add(Type type, BackgroundJobAttribute attribute)
    {
        var kind = Describe(type, attribute);
        if (!_byName.TryAdd(attribute.Kind, kind) && _byName[attribute.Kind].CommandType != type)
        {
            throw new InvalidOperationException(
                $"Job kind '{attribute.Kind}' is used by both {_byName[attribute.Kind].CommandType.FullName} and {type.FullName}."
            );
        }

        _byType[type] = kind;
    }

    /// <summary>Checks that <paramref name="type"/> can be a job kind; throws <see cref="InvalidOperationException"/> saying why not.</summary>
    public static JobKind Describe(Type type, BackgroundJobAttribute attribute)
    {
        if (type.IsAbstract || !typeof(IRequest<Unit>).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"{type.FullName} has [BackgroundJob] but is not a concrete IRequest command.");
        }

        if (string.IsNullOrWhiteSpace(attribute.Kind))
        {
            throw new InvalidOperationException($"{type.FullName} has an empty job kind.");
        }

        var secret = type.GetProperties().FirstOrDefault(p => SecretNames.Any(s => p.Name.Contains(s, StringComparison.OrdinalIgnoreCase)));
        if (secret is not null)
        {
            throw new InvalidOperationException(
                $"{type.FullName}.{secret.Name} looks like a secret: job arguments are shown on the dashboard, so pass an id and look the secret up in the handler."
            );
        }

        return new JobKind(attribute.Kind, type, attribute);
    }
}
