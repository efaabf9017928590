using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanApp.Infrastructure.Persistence.Migrations.Sqlite
{
    public partial class TuneJobIndexes : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_ExpiresAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_IdempotencyKey",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_LeaseOwner",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_OccurrenceKey",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_ParentId",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Queue_State_Priority_RunAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_RecurringJobId_State",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_State_LeaseExpiresAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_State_RunAt_Id",
                table: "Jobs");

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
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_ExpiresAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_IdempotencyKey",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_OccurrenceKey",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_ParentId",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Processing_LeaseExpiresAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_RecurringJobId_State",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_Scheduled_RunAt",
                table: "Jobs");

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
        }
    }
}
