using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanApp.Infrastructure.Persistence.Migrations.SqlServer
{
    public partial class AddJobsContinuationsPartialIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Dashboard_Continuations",
                table: "Jobs",
                column: "ParentId",
                filter: "\"ParentId\" IS NOT NULL");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_Dashboard_Continuations",
                table: "Jobs");
        }
    }
}
