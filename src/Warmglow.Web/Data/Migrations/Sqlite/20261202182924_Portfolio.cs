using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Portfolio : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartnershipTiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TierRank = table.Column<int>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OverrideUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverrideByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipTiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipTiers_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortfolioFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Composite = table.Column<double>(type: "REAL", nullable: true),
                    HealthScore = table.Column<double>(type: "REAL", nullable: true),
                    Engagement = table.Column<double>(type: "REAL", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    MinorUnits = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RevenuePeriodMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    RevenueTtmMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    CostsMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    RoiPercent = table.Column<double>(type: "REAL", nullable: true),
                    RedFlags = table.Column<string>(type: "TEXT", nullable: false),
                    RedFlagCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<double>(type: "REAL", nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortfolioFigures_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PortfolioSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    StrategicPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    GrowthPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    TransactionalPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CompositeWeightPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumAgeDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DowngradeGraceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRecomputedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortfolioSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SavedPortfolioViews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedPortfolioViews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TierChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromTier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ToTier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierChanges_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TierProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromTier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ToTier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Downgrade = table.Column<bool>(type: "INTEGER", nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovableOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TierProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TierProposals_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipTiers_PartnershipId",
                table: "PartnershipTiers",
                column: "PartnershipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipTiers_WorkspaceId_TierRank",
                table: "PartnershipTiers",
                columns: new[] { "WorkspaceId", "TierRank" });

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioFigures_PartnershipId",
                table: "PortfolioFigures",
                column: "PartnershipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioFigures_WorkspaceId_Composite",
                table: "PortfolioFigures",
                columns: new[] { "WorkspaceId", "Composite" });

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioFigures_WorkspaceId_RevenueTtmMinor",
                table: "PortfolioFigures",
                columns: new[] { "WorkspaceId", "RevenueTtmMinor" });

            migrationBuilder.CreateIndex(
                name: "IX_PortfolioSettings_WorkspaceId",
                table: "PortfolioSettings",
                column: "WorkspaceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SavedPortfolioViews_WorkspaceId_UserId_Name",
                table: "SavedPortfolioViews",
                columns: new[] { "WorkspaceId", "UserId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TierChanges_PartnershipId_At",
                table: "TierChanges",
                columns: new[] { "PartnershipId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TierProposals_PartnershipId_Status",
                table: "TierProposals",
                columns: new[] { "PartnershipId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TierProposals_WorkspaceId_Status",
                table: "TierProposals",
                columns: new[] { "WorkspaceId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnershipTiers");

            migrationBuilder.DropTable(
                name: "PortfolioFigures");

            migrationBuilder.DropTable(
                name: "PortfolioSettings");

            migrationBuilder.DropTable(
                name: "SavedPortfolioViews");

            migrationBuilder.DropTable(
                name: "TierChanges");

            migrationBuilder.DropTable(
                name: "TierProposals");
        }
    }
}
