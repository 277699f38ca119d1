using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Vetting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ShortlistThreshold",
                table: "Workspaces",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 70m);

            migrationBuilder.CreateTable(
                name: "Pilots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DurationWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    SuccessCriteria = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Milestones = table.Column<string>(type: "TEXT", nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    VerdictNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pilots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pilots_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Scorecards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    BuiltInKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Dimensions = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scorecards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VettingDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Go = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VettingDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VettingDecisions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VettingSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ById = table.Column<string>(type: "TEXT", nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VettingSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VettingSteps_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScorecardEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScorecardId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluatorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    EvaluatorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Scores = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScorecardEvaluations_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ScorecardEvaluations_Scorecards_ScorecardId",
                        column: x => x.ScorecardId,
                        principalTable: "Scorecards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pilots_PartnershipId",
                table: "Pilots",
                column: "PartnershipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pilots_WorkspaceId",
                table: "Pilots",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardEvaluations_PartnershipId",
                table: "ScorecardEvaluations",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardEvaluations_ScorecardId_PartnershipId_EvaluatorId",
                table: "ScorecardEvaluations",
                columns: new[] { "ScorecardId", "PartnershipId", "EvaluatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardEvaluations_WorkspaceId",
                table: "ScorecardEvaluations",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_WorkspaceId",
                table: "Scorecards",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_WorkspaceId_Key",
                table: "Scorecards",
                columns: new[] { "WorkspaceId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VettingDecisions_PartnershipId_At",
                table: "VettingDecisions",
                columns: new[] { "PartnershipId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_VettingDecisions_WorkspaceId",
                table: "VettingDecisions",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_VettingSteps_PartnershipId_Step",
                table: "VettingSteps",
                columns: new[] { "PartnershipId", "Step" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VettingSteps_WorkspaceId",
                table: "VettingSteps",
                column: "WorkspaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Pilots");

            migrationBuilder.DropTable(
                name: "ScorecardEvaluations");

            migrationBuilder.DropTable(
                name: "VettingDecisions");

            migrationBuilder.DropTable(
                name: "VettingSteps");

            migrationBuilder.DropTable(
                name: "Scorecards");

            migrationBuilder.DropColumn(
                name: "ShortlistThreshold",
                table: "Workspaces");
        }
    }
}
