using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DaysToDecision",
                table: "Registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DaysToOpportunity",
                table: "Registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DaysToQualified",
                table: "Registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OpportunityAt",
                table: "Registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "QualifiedAt",
                table: "Registrations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondNameBlock",
                table: "Registrations",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "");

            // Hand-added: backfill the second name block (NameSimilarity.SecondBlockKey: the first 3 letters of the second
            // word) and the funnel's days per step for existing registrations, in SQL (no registration is loaded).
            migrationBuilder.Sql(@"UPDATE ""Registrations"" SET ""SecondNameBlock"" = left(split_part(""NameKey"", ' ', 2), 3) WHERE ""NameKey"" LIKE '% %';");
            migrationBuilder.Sql(@"UPDATE ""Registrations"" SET ""DaysToDecision"" = greatest(0, floor(extract(epoch from (""DecidedAt"" - ""SubmittedAt"")) / 86400))::int WHERE ""DecidedAt"" IS NOT NULL;");
            migrationBuilder.Sql(@"UPDATE ""Registrations"" SET ""DaysToClose"" = greatest(0, floor(extract(epoch from (""ClosedAt"" - ""DecidedAt"")) / 86400))::int WHERE ""ClosedAt"" IS NOT NULL AND ""DecidedAt"" IS NOT NULL AND ""Stage"" IN ('Won', 'Lost');");

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
