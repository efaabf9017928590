using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanApp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The claim path's index, written by hand because EF Core 6 cannot declare a descending column:
    /// (State, Queue, Priority DESC, RunAt, Id) matches the claim's ORDER BY and gives queue lengths (docs/jobs.md).
    /// Kept in its own migration so regenerating model migrations never loses it.
    /// </summary>
    public partial class JobClaimIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX \"IX_Jobs_Claim\" ON \"Jobs\" (\"State\", \"Queue\", \"Priority\" DESC, \"RunAt\", \"Id\");");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX \"IX_Jobs_Claim\";");
        }
    }
}
