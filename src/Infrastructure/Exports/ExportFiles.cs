using CleanApp.Application.Exports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleanApp.Infrastructure.Exports;

/// <summary>
/// Export files in one folder (<see cref="ExportOptions.Directory"/>), named by the export's id only, so no user text
/// reaches a path. A file is written as <c>&lt;id&gt;.partial</c> and renamed when complete, so a reader never sees half a
/// report.
/// </summary>
public sealed class ExportFiles(IOptions<ExportOptions> options, IHostEnvironment environment) : IExportFiles
{
    private readonly string _folder = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);

    public Stream Create(Guid exportId)
    {
        Directory.CreateDirectory(_folder);
        return new FileStream(PartialPath(exportId), FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
    }

    public Task CommitAsync(Guid exportId, CancellationToken cancellationToken)
    {
        File.Move(PartialPath(exportId), FinalPath(exportId), overwrite: true);
        return Task.CompletedTask;
    }

    public Stream? OpenRead(Guid exportId)
    {
        try
        {
            return new FileStream(
                FinalPath(exportId),
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read | FileShare.Delete,
                64 * 1024,
                useAsync: true
            );
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Delete(Guid exportId)
    {
        File.Delete(FinalPath(exportId));
        File.Delete(PartialPath(exportId));
    }

    private string FinalPath(Guid exportId) => Path.Combine(_folder, exportId.ToString("N"));

    private string PartialPath(Guid exportId) => FinalPath(exportId) + ".partial";
}
