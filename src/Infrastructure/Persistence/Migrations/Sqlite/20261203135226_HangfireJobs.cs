using System;
using CleanApp.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanApp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HangfireJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobOutbox",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Queue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: true),
                    OnAttemptsExceeded = table.Column<int>(type: "INTEGER", nullable: true),
                    RunAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ParentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContinuationOption = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimToken = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobOutbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobOutbox_CreatedAt",
                table: "JobOutbox",
                column: "CreatedAt");

            // The previous release's queued jobs become outbox rows before its engine tables go (ADR 0020).
            migrationBuilder.Sql(JobEngineUpgrade.CarryOverQueuedJobs);

            migrationBuilder.DropTable(
                name: "JobCounters");
            migrationBuilder.DropTable(
                name: "JobHistory");
            migrationBuilder.DropTable(
                name: "JobQueues");
            migrationBuilder.DropTable(
                name: "Jobs");
            migrationBuilder.DropTable(
                name: "JobServers");
            migrationBuilder.DropTable(
                name: "JobStatistics");
            migrationBuilder.DropTable(
                name: "RecurringJobs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "JobOutbox");

            migrationBuilder.CreateTable(
                name: "JobCounters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobCounters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ExceptionDetails = table.Column<string>(type: "TEXT", nullable: true),
                    ExceptionMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExceptionType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    LatencyMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ServerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobQueues",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobQueues", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    AbandonCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    ContinuationOption = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    EnqueuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastExceptionMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastExceptionType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    LatencyMs = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseToken = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    MaxRetries = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurrenceKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OnAttemptsExceeded = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Queue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecurringJobId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RetryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryPolicy = table.Column<string>(type: "TEXT", nullable: true),
                    RunAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    StateChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobServers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HostName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Queues = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Workers = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobServers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JobStatistics",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    BucketStart = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobStatistics", x => new { x.Key, x.Period, x.BucketStart });
                });

            migrationBuilder.CreateTable(
                name: "RecurringJobs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Cron = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LastExecution = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastJobId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Misfire = table.Column<int>(type: "INTEGER", nullable: false),
                    NextExecution = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NoOverlap = table.Column<bool>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Queue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecurringJobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobHistory_JobId_Id",
                table: "JobHistory",
                columns: new[] { "JobId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Claim",
                table: "Jobs",
                columns: new[] { "State", "Queue", "Priority", "RunAt", "Id" },
                descending: new[] { false, false, true, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Dashboard_State_Kind",
                table: "Jobs",
                columns: new[] { "State", "Kind", "StateChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Dashboard_State_Queue",
                table: "Jobs",
                columns: new[] { "State", "Queue", "StateChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_ExpiresAt",
                table: "Jobs",
                column: "ExpiresAt",
                filter: "\"ExpiresAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_IdempotencyKey",
                table: "Jobs",
                column: "IdempotencyKey",
                filter: "\"IdempotencyKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_OccurrenceKey",
                table: "Jobs",
                column: "OccurrenceKey",
                unique: true,
                filter: "\"OccurrenceKey\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_ParentId",
                table: "Jobs",
                column: "ParentId",
                filter: "\"ParentId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Processing_LeaseExpiresAt",
                table: "Jobs",
                column: "LeaseExpiresAt",
                filter: "\"State\" = 3");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_RecurringJobId_State",
                table: "Jobs",
                columns: new[] { "RecurringJobId", "State" },
                filter: "\"RecurringJobId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Scheduled_RunAt",
                table: "Jobs",
                column: "RunAt",
                filter: "\"State\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_State_StateChangedAt_Id",
                table: "Jobs",
                columns: new[] { "State", "StateChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_JobServers_HeartbeatAt",
                table: "JobServers",
                column: "HeartbeatAt");

            migrationBuilder.CreateIndex(
                name: "IX_RecurringJobs_NextExecution",
                table: "RecurringJobs",
                column: "NextExecution");
        }
    }
}
