using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Measurement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IntangibleEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Estimate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    ConfidencePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntangibleEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntangibleEntries_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeasurementSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Frame = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Weights = table.Column<string>(type: "TEXT", nullable: false),
                    ReportingCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasurementSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MetricDefinitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Frame = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DataSource = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Calculation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Baseline = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ObservationBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservationBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObservationBatches_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Composite = table.Column<double>(type: "REAL", nullable: true),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    MetricCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoredCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipScores_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgramCosts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    HourlyRate = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramCosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramCosts_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipMetrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    MetricDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    BaselineOverride = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    TargetOverride = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    LatestValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    LatestOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LatestScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipMetrics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipMetrics_MetricDefinitions_MetricDefinitionId",
                        column: x => x.MetricDefinitionId,
                        principalTable: "MetricDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipMetrics_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactGoals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipMetricId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ActivityUnit = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ImpactUnit = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ActivityPerImpact = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    TargetImpact = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactGoals_PartnershipMetrics_PartnershipMetricId",
                        column: x => x.PartnershipMetricId,
                        principalTable: "PartnershipMetrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactGoals_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Observations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipMetricId = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BatchId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Observations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Observations_ObservationBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "ObservationBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Observations_PartnershipMetrics_PartnershipMetricId",
                        column: x => x.PartnershipMetricId,
                        principalTable: "PartnershipMetrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImpactGoals_PartnershipId",
                table: "ImpactGoals",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactGoals_PartnershipMetricId",
                table: "ImpactGoals",
                column: "PartnershipMetricId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactGoals_WorkspaceId_PartnershipId",
                table: "ImpactGoals",
                columns: new[] { "WorkspaceId", "PartnershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_IntangibleEntries_PartnershipId",
                table: "IntangibleEntries",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_IntangibleEntries_WorkspaceId_PartnershipId",
                table: "IntangibleEntries",
                columns: new[] { "WorkspaceId", "PartnershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasurementSettings_WorkspaceId",
                table: "MeasurementSettings",
                column: "WorkspaceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MetricDefinitions_WorkspaceId_Name",
                table: "MetricDefinitions",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObservationBatches_PartnershipId",
                table: "ObservationBatches",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ObservationBatches_WorkspaceId_PartnershipId",
                table: "ObservationBatches",
                columns: new[] { "WorkspaceId", "PartnershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_BatchId",
                table: "Observations",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Observations_PartnershipMetricId_On",
                table: "Observations",
                columns: new[] { "PartnershipMetricId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_Observations_WorkspaceId_PartnershipId",
                table: "Observations",
                columns: new[] { "WorkspaceId", "PartnershipId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipMetrics_MetricDefinitionId",
                table: "PartnershipMetrics",
                column: "MetricDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipMetrics_PartnershipId_MetricDefinitionId",
                table: "PartnershipMetrics",
                columns: new[] { "PartnershipId", "MetricDefinitionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipMetrics_WorkspaceId_MetricDefinitionId",
                table: "PartnershipMetrics",
                columns: new[] { "WorkspaceId", "MetricDefinitionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipScores_PartnershipId",
                table: "PartnershipScores",
                column: "PartnershipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipScores_WorkspaceId_Composite",
                table: "PartnershipScores",
                columns: new[] { "WorkspaceId", "Composite" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramCosts_PartnershipId",
                table: "ProgramCosts",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramCosts_WorkspaceId_PartnershipId",
                table: "ProgramCosts",
                columns: new[] { "WorkspaceId", "PartnershipId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImpactGoals");

            migrationBuilder.DropTable(
                name: "IntangibleEntries");

            migrationBuilder.DropTable(
                name: "MeasurementSettings");

            migrationBuilder.DropTable(
                name: "Observations");

            migrationBuilder.DropTable(
                name: "PartnershipScores");

            migrationBuilder.DropTable(
                name: "ProgramCosts");

            migrationBuilder.DropTable(
                name: "ObservationBatches");

            migrationBuilder.DropTable(
                name: "PartnershipMetrics");

            migrationBuilder.DropTable(
                name: "MetricDefinitions");
        }
    }
}
