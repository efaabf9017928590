namespace CleanApp.Application.Exports;

/// <summary>Where export files live (a folder on disk in Infrastructure). Writes go to a temporary name, renamed when complete.</summary>
public interface IExportFiles
{
    /// <summary>A new, empty file for <paramref name="exportId"/>; <see cref="CommitAsync"/> makes it the export's file.</summary>
    Stream Create(Guid exportId);

    Task CommitAsync(Guid exportId, CancellationToken cancellationToken);

    /// <summary>The export's file for reading, or null if it does not exist (not built yet, or cleaned up).</summary>
    Stream? OpenRead(Guid exportId);

    void Delete(Guid exportId);
}

/// <summary>Bound from the <c>Exports</c> section.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Exports";

    /// <summary>How long a ready export can be downloaded before the cleanup job removes it.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The folder for export files; relative paths are taken from the content root (beside data/cleanapp.db).</summary>
    public string Directory { get; set; } = "data/exports";
}
