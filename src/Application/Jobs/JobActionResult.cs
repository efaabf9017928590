namespace CleanApp.Application.Jobs;

/// <summary>How many targets of a (bulk) action changed and how many were skipped (gone, or already in that state).</summary>
public sealed record JobActionResult(int Applied, int Skipped);
