using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralFunnel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DaysToClose",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DaysToDecision",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DaysToOpportunity",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DaysToQualified",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OpportunityAt",
                table: "Registrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "QualifiedAt",
                table: "Registrations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondNameBlock",
                table: "Registrations",
                type: "TEXT",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            // Hand-added: backfill the second name block (NameSimilarity.SecondBlockKey: the first 3 letters of the second
            // word) and the funnel's days per step for existing registrations, in SQL (no registration is loaded).
            migrationBuilder.Sql(@"UPDATE ""Registrations"" SET ""SecondNameBlock"" = substr(s.rest, 1, CASE WHEN instr(s.rest, ' ') > 0 THEN min(3, instr(s.rest, ' ') - 1) ELSE 3 END) FROM (SELECT ""Id"" AS id, ltrim(substr(""NameKey"", instr(""NameKey"", ' ') + 1)) AS rest FROM ""Registrations"" WHERE instr(""NameKey"", ' ') > 0) AS s WHERE ""Registrations"".""Id"" = s.id;");
            migrationBuilder.Sql(@"UPDATE ""Registrations"" SET ""DaysToDecision"" = max(0, CAST(julianday(""DecidedAt"") - julianday(""SubmittedAt"") AS INTEGER)) WHERE ""DecidedAt"" IS NOT NULL;");
            migrationBuilder.Sql(@"UPDATE ""Registrations"" SET ""DaysToClose"" = max(0, CAST(julianday(""ClosedAt"") - julianday(""DecidedAt"") AS INTEGER)) WHERE ""ClosedAt"" IS NOT NULL AND ""DecidedAt"" IS NOT NULL AND ""Stage"" IN ('Won', 'Lost');");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkspaceId_CountryKey_SecondNameBlock",
                table: "Registrations",
                columns: new[] { "WorkspaceId", "CountryKey", "SecondNameBlock" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkspaceId_SubmittedAt_PartnerId",
                table: "Registrations",
                columns: new[] { "WorkspaceId", "SubmittedAt", "PartnerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkspaceId_CountryKey_SecondNameBlock",
                table: "Registrations");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkspaceId_SubmittedAt_PartnerId",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "DaysToClose",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "DaysToDecision",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "DaysToOpportunity",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "DaysToQualified",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "OpportunityAt",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "QualifiedAt",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "SecondNameBlock",
                table: "Registrations");
        }
    }
}
