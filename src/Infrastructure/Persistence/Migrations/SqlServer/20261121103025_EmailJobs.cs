using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CleanApp.Infrastructure.Persistence.Migrations.SqlServer
{
    public partial class EmailJobs : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "PublicId",
                table: "Articles",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Existing articles get a distinct id before the unique index is created.
            migrationBuilder.Sql("UPDATE [Articles] SET [PublicId] = NEWID();");

            migrationBuilder.CreateTable(
                name: "SentEmails",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SentAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentEmails", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PublicId",
                table: "Articles",
                column: "PublicId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SentEmails_SentAt",
                table: "SentEmails",
                column: "SentAt");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SentEmails");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PublicId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PublicId",
                table: "Articles");
        }
    }
}
