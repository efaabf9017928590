using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanApp.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// The claim index now belongs to the model (EF Core 10 declares DESC columns): the copy the hand-written
    /// JobClaimIndex migration created is dropped and the same index is created from the model. Edited once by hand:
    /// the generated migration did not know the index already existed.
    /// </summary>
    public partial class ModelDeclaredClaimIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_Claim",
                table: "Jobs");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Claim",
                table: "Jobs",
                columns: new[] { "State", "Queue", "Priority", "RunAt", "Id" },
                descending: new[] { false, false, true, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_Claim",
                table: "Jobs");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Claim",
                table: "Jobs",
                columns: new[] { "State", "Queue", "Priority", "RunAt", "Id" },
                descending: new[] { false, false, true, false, false });
        }
    }
}
