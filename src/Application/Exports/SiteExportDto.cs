namespace CleanApp.Application.Exports;

/// <summary>An export as the API shows it: <c>downloadUrl</c> only once it is ready.</summary>
public sealed record SiteExportDto
{
    public Guid Id { get; init; }

    public string Kind { get; init; } = string.Empty;

    public string From { get; init; } = string.Empty;

    public string To { get; init; } = string.Empty;

    public string Format { get; init; } = string.Empty;

    public string Status { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public DateTime? CompletedAt { get; init; }

    public DateTime? ExpiresAt { get; init; }

    public string? DownloadUrl { get; init; }

    public static SiteExportDto Of(Domain.Exports.SiteExport export) =>
        new()
        {
            Id = export.Id,
            Kind = export.Kind,
            From = export.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            To = export.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Format = export.Format,
            Status = export.Status == Domain.Exports.SiteExportStatus.Ready ? "ready" : "pending",
            CreatedAt = export.CreatedAt,
            CompletedAt = export.CompletedAt,
            ExpiresAt = export.ExpiresAt,
            DownloadUrl = export.Status == Domain.Exports.SiteExportStatus.Ready ? $"/api/admin/exports/{export.Id}/file" : null,
        };
}
