using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Postgres
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
                type: "character varying(253)",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameBlock",
                table: "Registrations",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RevenueAgreementId",
                table: "Registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RevenueEventId",
                table: "Registrations",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "OtherRegistrationId",
                table: "RegistrationConflicts",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<decimal>(
                name: "NameScore",
                table: "RegistrationConflicts",
                type: "numeric(3,2)",
                precision: 3,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OurAccountDomain",
                table: "RegistrationConflicts",
                type: "character varying(253)",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OurAccountKind",
                table: "RegistrationConflicts",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OurAccountName",
                table: "RegistrationConflicts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CompanyAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyAliases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrmAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Line = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Website = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Owner = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    DomainGroup = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    NameKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CountryKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrmAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompanyAliasDomains",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    AliasId = table.Column<int>(type: "integer", nullable: false),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
            migrationBuilder.Sql(@"UPDATE ""Registrations"" SET ""DomainGroup"" = ""Domain"", ""NameBlock"" = left(split_part(coalesce(""NameKey"", ''), ' ', 1), 60) WHERE ""NameKey"" IS NOT NULL OR ""Domain"" IS NOT NULL;");

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
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
