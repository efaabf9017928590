namespace CleanApp.Domain.Exports;

/// <summary>
/// A site report an editor or admin asked for (ADR 0043): built later by a background job into a file, downloadable by
/// the requester's role until it expires. The report covers the days <see cref="From"/> to <see cref="To"/> inclusive.
/// </summary>
public sealed class SiteExport
{
    public const string SiteStatsKind = "site-stats";
    public const int MaxDays = 731;

    private SiteExport(
        Guid id,
        string kind,
        DateOnly from,
        DateOnly to,
        string format,
        Guid requestedBy,
        string requesterRole,
        DateTime createdAt
    )
    {
        Id = id;
        Kind = kind;
        From = from;
        To = to;
        Format = format;
        RequestedBy = requestedBy;
        RequesterRole = requesterRole;
        CreatedAt = createdAt;
        Status = SiteExportStatus.Pending;
    }

    public Guid Id { get; private set; }

    public string Kind { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    /// <summary><c>csv</c> or <c>json</c>.</summary>
    public string Format { get; private set; }

    public SiteExportStatus Status { get; private set; }

    public Guid RequestedBy { get; private set; }

    /// <summary>The role the requester held when asking (editor or admin): only that role may download the file.</summary>
    public string RequesterRole { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>Set when the file is ready; the cleanup job removes the export and its file after this time.</summary>
    public DateTime? ExpiresAt { get; private set; }

    public static SiteExport Request(
        Guid id,
        string kind,
        DateOnly from,
        DateOnly to,
        string format,
        Guid requestedBy,
        string requesterRole,
        DateTime now
    ) => new(id, kind, from, to, format, requestedBy, requesterRole, now);

    public void MarkReady(DateTime now, TimeSpan lifetime)
    {
        Status = SiteExportStatus.Ready;
        CompletedAt = now;
        ExpiresAt = now + lifetime;
    }
}

public enum SiteExportStatus
{
    Pending = 1,
    Ready = 2,
}
