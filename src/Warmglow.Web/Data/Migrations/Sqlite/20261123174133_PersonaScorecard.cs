using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonaScorecard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ScorecardId",
                table: "Personas",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PersonaId",
                table: "Partnerships",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Personas_ScorecardId",
                table: "Personas",
                column: "ScorecardId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_PersonaId",
                table: "Partnerships",
                column: "PersonaId");

            migrationBuilder.AddForeignKey(
                name: "FK_Partnerships_Personas_PersonaId",
                table: "Partnerships",
                column: "PersonaId",
                principalTable: "Personas",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Personas_Scorecards_ScorecardId",
                table: "Personas",
                column: "ScorecardId",
                principalTable: "Scorecards",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Partnerships_Personas_PersonaId",
                table: "Partnerships");

            migrationBuilder.DropForeignKey(
                name: "FK_Personas_Scorecards_ScorecardId",
                table: "Personas");

            migrationBuilder.DropIndex(
                name: "IX_Personas_ScorecardId",
                table: "Personas");

            migrationBuilder.DropIndex(
                name: "IX_Partnerships_PersonaId",
                table: "Partnerships");

            migrationBuilder.DropColumn(
                name: "ScorecardId",
                table: "Personas");

            migrationBuilder.DropColumn(
                name: "PersonaId",
                table: "Partnerships");
        }
    }
}
