using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReferralSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectionDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewSlaBusinessDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    ContactTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ExpectedCloseOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Interests = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    InternalNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryKey = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedByPartner = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    InfluenceOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProtectedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProtectionExtendedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProtectionExtensionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConflictOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WinApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WinApprovedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registrations_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationConflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OtherRegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Strength = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Hard = table.Column<bool>(type: "INTEGER", nullable: false),
                    SamePartner = table.Column<bool>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    FoundAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationConflicts_Registrations_OtherRegistrationId",
                        column: x => x.OtherRegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RegistrationConflicts_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationCredits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationCredits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationCredits_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistrationCredits_Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralSettings_WorkspaceId",
                table: "ReferralSettings",
                column: "WorkspaceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationConflicts_OtherRegistrationId",
                table: "RegistrationConflicts",
                column: "OtherRegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationConflicts_RegistrationId_OtherRegistrationId",
                table: "RegistrationConflicts",
                columns: new[] { "RegistrationId", "OtherRegistrationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationCredits_PartnerId",
                table: "RegistrationCredits",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationCredits_RegistrationId_PartnerId",
                table: "RegistrationCredits",
                columns: new[] { "RegistrationId", "PartnerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_PartnerId_Stage",
                table: "Registrations",
                columns: new[] { "PartnerId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_PartnershipId_SubmittedAt",
                table: "Registrations",
                columns: new[] { "PartnershipId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkspaceId_Domain",
                table: "Registrations",
                columns: new[] { "WorkspaceId", "Domain" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkspaceId_NameKey_CountryKey",
                table: "Registrations",
                columns: new[] { "WorkspaceId", "NameKey", "CountryKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_WorkspaceId_Stage_SubmittedAt",
                table: "Registrations",
                columns: new[] { "WorkspaceId", "Stage", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReferralSettings");

            migrationBuilder.DropTable(
                name: "RegistrationConflicts");

            migrationBuilder.DropTable(
                name: "RegistrationCredits");

            migrationBuilder.DropTable(
                name: "Registrations");
        }
    }
}
