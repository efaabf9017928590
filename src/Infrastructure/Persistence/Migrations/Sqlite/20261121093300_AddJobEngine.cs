using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanApp.Infrastructure.Persistence.Migrations.Sqlite
{
    public partial class AddJobEngine : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "JobCounters",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    JobId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ServerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ExceptionType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ExceptionMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExceptionDetails = table.Column<string>(type: "TEXT", nullable: true),
                    LatencyMs = table.Column<long>(type: "INTEGER", nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Data = table.Column<string>(type: "TEXT", nullable: true)
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
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
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
                    Kind = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Queue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    MaxRetries = table.Column<int>(type: "INTEGER", nullable: false),
                    OnAttemptsExceeded = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryPolicy = table.Column<string>(type: "TEXT", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RecurringJobId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OccurrenceKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ParentId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    ContinuationOption = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StateChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RunAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnqueuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    RetryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AbandonCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseToken = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastExceptionType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    LastExceptionMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LatencyMs = table.Column<long>(type: "INTEGER", nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    HostName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Workers = table.Column<int>(type: "INTEGER", nullable: false),
                    Queues = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeartbeatAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Kind = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Cron = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Queue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Misfire = table.Column<int>(type: "INTEGER", nullable: false),
                    NoOverlap = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextExecution = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastExecution = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastJobId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
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
                name: "IX_Jobs_ExpiresAt",
                table: "Jobs",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_IdempotencyKey",
                table: "Jobs",
                column: "IdempotencyKey");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_LeaseOwner",
                table: "Jobs",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_OccurrenceKey",
                table: "Jobs",
                column: "OccurrenceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_ParentId",
                table: "Jobs",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Queue_State_Priority_RunAt",
                table: "Jobs",
                columns: new[] { "Queue", "State", "Priority", "RunAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_RecurringJobId_State",
                table: "Jobs",
                columns: new[] { "RecurringJobId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_State_LeaseExpiresAt",
                table: "Jobs",
                columns: new[] { "State", "LeaseExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_State_RunAt_Id",
                table: "Jobs",
                columns: new[] { "State", "RunAt", "Id" });

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

            // The claim path: equality on State and Queue, then Priority DESC, RunAt, Id (EF Core 6 cannot declare a
            // descending column). Double-quoted identifiers are valid on SQLite and SQL Server (see JobClaimer).
            migrationBuilder.Sql("CREATE INDEX \"IX_Jobs_Claim\" ON \"Jobs\" (\"State\", \"Queue\", \"Priority\" DESC, \"RunAt\", \"Id\");");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Jobs_Claim\";");
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
    }
}
