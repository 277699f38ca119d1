using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralsAliasesAndCrm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DomainGroup",
                table: "Registrations",
                type: "TEXT",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameBlock",
                table: "Registrations",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RevenueAgreementId",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevenueEventId",
                table: "Registrations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "OtherRegistrationId",
                table: "RegistrationConflicts",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<decimal>(
                name: "NameScore",
                table: "RegistrationConflicts",
                type: "TEXT",
                precision: 3,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OurAccountDomain",
                table: "RegistrationConflicts",
                type: "TEXT",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OurAccountKind",
                table: "RegistrationConflicts",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OurAccountName",
                table: "RegistrationConflicts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompanyAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyAliases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrmAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
                    DomainGroup = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompanyAliasDomains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AliasId = table.Column<int>(type: "INTEGER", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyAliasDomains", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyAliasDomains_CompanyAliases_AliasId",
                        column: x => x.AliasId,
                        principalTable: "CompanyAliases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Registrations made before this migration get their keys as a new one would: no alias group exists yet,
            // so the group key is the domain itself; the name block is the first word of the name key (Core.Matching.NameSimilarity.BlockKey).
            migrationBuilder.Sql(@"UPDATE ""Registrations"" SET ""DomainGroup"" = ""Domain"", ""NameBlock"" = substr(CASE WHEN instr(""NameKey"", ' ') > 0 THEN substr(""NameKey"", 1, instr(""NameKey"", ' ') - 1) ELSE ""NameKey"" END, 1, 60) WHERE ""NameKey"" IS NOT NULL OR ""Domain"" IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkspaceId_CountryKey_NameBlock",
                table: "Registrations",
                columns: new[] { "WorkspaceId", "CountryKey", "NameBlock" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkspaceId_DomainGroup",
                table: "Registrations",
                columns: new[] { "WorkspaceId", "DomainGroup" });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyAliasDomains_AliasId",
                table: "CompanyAliasDomains",
                column: "AliasId");

            migrationBuilder.CreateIndex(
                name: "IX_CompanyAliasDomains_WorkspaceId_Domain",
                table: "CompanyAliasDomains",
                columns: new[] { "WorkspaceId", "Domain" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompanyAliases_WorkspaceId_Name",
                table: "CompanyAliases",
                columns: new[] { "WorkspaceId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmAccounts_WorkspaceId_DomainGroup",
                table: "CrmAccounts",
                columns: new[] { "WorkspaceId", "DomainGroup" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmAccounts_WorkspaceId_Kind_Name",
                table: "CrmAccounts",
                columns: new[] { "WorkspaceId", "Kind", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_CrmAccounts_WorkspaceId_NameKey_CountryKey",
                table: "CrmAccounts",
                columns: new[] { "WorkspaceId", "NameKey", "CountryKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CompanyAliasDomains");

            migrationBuilder.DropTable(
                name: "CrmAccounts");

            migrationBuilder.DropTable(
                name: "CompanyAliases");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkspaceId_CountryKey_NameBlock",
                table: "Registrations");

            migrationBuilder.DropIndex(
                name: "IX_Registrations_WorkspaceId_DomainGroup",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "DomainGroup",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "NameBlock",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "RevenueAgreementId",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "RevenueEventId",
                table: "Registrations");

            migrationBuilder.DropColumn(
                name: "NameScore",
                table: "RegistrationConflicts");

            migrationBuilder.DropColumn(
                name: "OurAccountDomain",
                table: "RegistrationConflicts");

            migrationBuilder.DropColumn(
                name: "OurAccountKind",
                table: "RegistrationConflicts");

            migrationBuilder.DropColumn(
                name: "OurAccountName",
                table: "RegistrationConflicts");

            migrationBuilder.AlterColumn<int>(
                name: "OtherRegistrationId",
                table: "RegistrationConflicts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
