namespace CleanApp.Application.Common.Jobs;

/// <summary>A registered job kind: the stable name, the command type and its default options.</summary>
public sealed record JobKindDescriptor(string Kind, Type CommandType, BackgroundJobAttribute Defaults)
{
    public string DisplayName => Defaults.DisplayName ?? Kind;
}

/// <summary>The job kinds known to this process (commands carrying <see cref="BackgroundJobAttribute"/>).</summary>
public interface IJobKindRegistry
{
    IReadOnlyCollection<JobKindDescriptor> Kinds { get; }

    bool TryGetByKind(string kind, out JobKindDescriptor descriptor);

    bool TryGetByType(Type commandType, out JobKindDescriptor descriptor);
}
