using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TriageAndSunsetting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TriageRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QuickWinMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    RestructureMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    RemainingMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageRounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WindDownPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgreementTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NoticeDays = table.Column<int>(type: "INTEGER", nullable: true),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OverrideByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OverrideAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindDownPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WindDownPlans_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TriageItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    StrategicAlignment = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueExchange = table.Column<int>(type: "INTEGER", nullable: false),
                    OperationalEfficiency = table.Column<int>(type: "INTEGER", nullable: false),
                    RelationshipHealth = table.Column<int>(type: "INTEGER", nullable: false),
                    Prefill = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Edited = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriageItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriageItems_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TriageItems_TriageRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "TriageRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WindDownTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WindDownTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WindDownTasks_WindDownPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "WindDownPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TriageItems_PartnershipId",
                table: "TriageItems",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_TriageItems_RoundId_PartnershipId",
                table: "TriageItems",
                columns: new[] { "RoundId", "PartnershipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TriageItems_RoundId_Phase_Status",
                table: "TriageItems",
                columns: new[] { "RoundId", "Phase", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TriageRounds_WorkspaceId_StartsOn",
                table: "TriageRounds",
                columns: new[] { "WorkspaceId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WindDownPlans_PartnershipId",
                table: "WindDownPlans",
                column: "PartnershipId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WindDownPlans_WorkspaceId_CompletedAt",
                table: "WindDownPlans",
                columns: new[] { "WorkspaceId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WindDownTasks_PlanId_Kind",
                table: "WindDownTasks",
                columns: new[] { "PlanId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TriageItems");

            migrationBuilder.DropTable(
                name: "WindDownTasks");

            migrationBuilder.DropTable(
                name: "TriageRounds");

            migrationBuilder.DropTable(
                name: "WindDownPlans");
        }
    }
}
