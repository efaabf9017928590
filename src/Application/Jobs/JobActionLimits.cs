namespace CleanApp.Application.Jobs;

public static class JobActionLimits
{
    /// <summary>One bulk action touches at most one dashboard page's worth of jobs (the largest page size).</summary>
    public const int MaxBulk = 200;
}
