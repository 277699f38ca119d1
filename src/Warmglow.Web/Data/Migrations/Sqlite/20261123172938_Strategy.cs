using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Strategy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Goals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Baseline = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Goals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Goals_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Inputs = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipAssessments_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Personas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Values = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MarketPosition = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OperationalStyle = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Personas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TakenByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TakenByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ResourcesScore = table.Column<int>(type: "INTEGER", nullable: false),
                    ResourcesNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ExpertiseScore = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpertiseNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MarketPositionScore = table.Column<int>(type: "INTEGER", nullable: false),
                    MarketPositionNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BrandValuesScore = table.Column<int>(type: "INTEGER", nullable: false),
                    BrandValuesNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OperationalCapacityScore = table.Column<int>(type: "INTEGER", nullable: false),
                    OperationalCapacityNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RiskToleranceScore = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskToleranceNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StrategicObjectivesScore = table.Column<int>(type: "INTEGER", nullable: false),
                    StrategicObjectivesNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StrategyStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatWeNeed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WhatWeCanGive = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WhoCanHelp = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Strengths = table.Column<string>(type: "TEXT", nullable: false),
                    Weaknesses = table.Column<string>(type: "TEXT", nullable: false),
                    Opportunities = table.Column<string>(type: "TEXT", nullable: false),
                    Threats = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyStatements", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Goals_OwnerId",
                table: "Goals",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_WorkspaceId",
                table: "Goals",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_WorkspaceId_Deadline",
                table: "Goals",
                columns: new[] { "WorkspaceId", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipAssessments_PartnershipId_Kind",
                table: "PartnershipAssessments",
                columns: new[] { "PartnershipId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipAssessments_WorkspaceId",
                table: "PartnershipAssessments",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Personas_WorkspaceId",
                table: "Personas",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Personas_WorkspaceId_Name",
                table: "Personas",
                columns: new[] { "WorkspaceId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_WorkspaceId",
                table: "SelfAssessments",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_WorkspaceId_TakenAt",
                table: "SelfAssessments",
                columns: new[] { "WorkspaceId", "TakenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyStatements_WorkspaceId",
                table: "StrategyStatements",
                column: "WorkspaceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Goals");

            migrationBuilder.DropTable(
                name: "PartnershipAssessments");

            migrationBuilder.DropTable(
                name: "Personas");

            migrationBuilder.DropTable(
                name: "SelfAssessments");

            migrationBuilder.DropTable(
                name: "StrategyStatements");
        }
    }
}
