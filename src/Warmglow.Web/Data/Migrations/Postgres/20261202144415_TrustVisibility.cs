using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TrustVisibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ReasonShared",
                table: "StageTransitions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NotesShared",
                table: "Partnerships",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ReasonShared",
                table: "AgreementVersions",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReasonShared",
                table: "StageTransitions");

            migrationBuilder.DropColumn(
                name: "NotesShared",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "ReasonShared",
                table: "AgreementVersions");
        }
    }
}
