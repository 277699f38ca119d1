using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Health : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EngagementSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Index = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Components = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementSnapshots_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HealthSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Engagement = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    Band = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    HealthScore = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    Nps = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    RedFlags = table.Column<string>(type: "TEXT", nullable: false),
                    RedFlagCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthSnapshots_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    TemplateKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodStartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Questions = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SentById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SentByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyRounds_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SurveyRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RespondentId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    QuestionKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyRounds_SurveyRoundId",
                        column: x => x.SurveyRoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    SurveyRoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Responded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyRecipients_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyRecipients_SurveyRounds_SurveyRoundId",
                        column: x => x.SurveyRoundId,
                        principalTable: "SurveyRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementSnapshots_PartnershipId",
                table: "EngagementSnapshots",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementSnapshots_WorkspaceId_PartnershipId_PeriodStart",
                table: "EngagementSnapshots",
                columns: new[] { "WorkspaceId", "PartnershipId", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementSnapshots_WorkspaceId_PeriodStart_Index",
                table: "EngagementSnapshots",
                columns: new[] { "WorkspaceId", "PeriodStart", "Index" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthSnapshots_PartnershipId",
                table: "HealthSnapshots",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthSnapshots_WorkspaceId_Band",
                table: "HealthSnapshots",
                columns: new[] { "WorkspaceId", "Band" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthSnapshots_WorkspaceId_PartnershipId",
                table: "HealthSnapshots",
                columns: new[] { "WorkspaceId", "PartnershipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthSnapshots_WorkspaceId_RedFlagCount",
                table: "HealthSnapshots",
                columns: new[] { "WorkspaceId", "RedFlagCount" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_SurveyRoundId_Dimension",
                table: "SurveyAnswers",
                columns: new[] { "SurveyRoundId", "Dimension" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRecipients_SurveyRoundId_UserId",
                table: "SurveyRecipients",
                columns: new[] { "SurveyRoundId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRecipients_UserId_Responded",
                table: "SurveyRecipients",
                columns: new[] { "UserId", "Responded" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRounds_PartnershipId",
                table: "SurveyRounds",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRounds_WorkspaceId_CreatedAt",
                table: "SurveyRounds",
                columns: new[] { "WorkspaceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyRounds_WorkspaceId_PartnershipId_PeriodStart",
                table: "SurveyRounds",
                columns: new[] { "WorkspaceId", "PartnershipId", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngagementSnapshots");

            migrationBuilder.DropTable(
                name: "HealthSnapshots");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyRecipients");

            migrationBuilder.DropTable(
                name: "SurveyRounds");
        }
    }
}
