namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Upgrading from the release with CleanApp's own job engine (ADR 0020): its jobs that were still Enqueued (0),
/// Scheduled (1) or Awaiting (2) become outbox rows, which the relay hands to Hangfire at the first start, so nothing
/// queued before the upgrade is lost. Kind and payload are copied as they are (the same kinds, the same JSON), the engine's
/// ids are already outbox ids (32 hex digits). An Awaiting job whose parent already finished is enqueued; one whose
/// parent is carried over stays its continuation. Valid on SQLite and SQL Server (double-quoted identifiers).
/// </summary>
public static class JobEngineUpgrade
{
    public const string CarryOverQueuedJobs = """
        INSERT INTO "JobOutbox" ("Id", "Kind", "Payload", "Queue", "Attempts", "OnAttemptsExceeded", "RunAt", "ParentId", "ContinuationOption", "CreatedAt")
        SELECT j."Id", j."Kind", j."Payload", NULLIF(j."Queue", 'default'), j."MaxRetries", j."OnAttemptsExceeded",
               CASE WHEN j."State" = 1 THEN j."RunAt" END,
               CASE WHEN j."State" = 2 AND p."Id" IS NOT NULL THEN j."ParentId" END,
               CASE WHEN j."State" = 2 AND p."Id" IS NOT NULL THEN j."ContinuationOption" END,
               j."CreatedAt"
        FROM "Jobs" j
        LEFT JOIN "Jobs" p ON p."Id" = j."ParentId" AND p."State" IN (0, 1, 2)
        WHERE j."State" IN (0, 1, 2)
        """;
}
