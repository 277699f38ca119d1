using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexesAndModules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VettingSteps_WorkspaceId",
                table: "VettingSteps");

            migrationBuilder.DropIndex(
                name: "IX_VettingDecisions_WorkspaceId",
                table: "VettingDecisions");

            migrationBuilder.DropIndex(
                name: "IX_StageTransitions_WorkspaceId",
                table: "StageTransitions");

            migrationBuilder.DropIndex(
                name: "IX_SelfAssessments_WorkspaceId",
                table: "SelfAssessments");

            migrationBuilder.DropIndex(
                name: "IX_Scorecards_WorkspaceId",
                table: "Scorecards");

            migrationBuilder.DropIndex(
                name: "IX_ScorecardEvaluations_WorkspaceId",
                table: "ScorecardEvaluations");

            migrationBuilder.DropIndex(
                name: "IX_Pilots_WorkspaceId",
                table: "Pilots");

            migrationBuilder.DropIndex(
                name: "IX_Personas_WorkspaceId",
                table: "Personas");

            migrationBuilder.DropIndex(
                name: "IX_Partnerships_WorkspaceId",
                table: "Partnerships");

            migrationBuilder.DropIndex(
                name: "IX_PartnershipMembers_WorkspaceId",
                table: "PartnershipMembers");

            migrationBuilder.DropIndex(
                name: "IX_PartnershipAssessments_WorkspaceId",
                table: "PartnershipAssessments");

            migrationBuilder.DropIndex(
                name: "IX_Partners_WorkspaceId",
                table: "Partners");

            migrationBuilder.DropIndex(
                name: "IX_Goals_WorkspaceId",
                table: "Goals");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_WorkspaceId",
                table: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_WorkspaceId",
                table: "AuditEntries");

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Flexible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    OwnerIds = table.Column<string>(type: "TEXT", nullable: false),
                    CurrentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Charters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Ours = table.Column<string>(type: "TEXT", nullable: false),
                    Theirs = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Charters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Charters_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "Tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Tasks_AspNetUsers_AssigneeId",
                        column: x => x.AssigneeId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Tasks_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementApprovals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementApprovals_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HeldAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeldByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementReviews_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementTransitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementTransitions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementTransitions_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Terms = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementVersions_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RevenueEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MemberId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StatementId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevenueEvents_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RevenueStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    Adjustments = table.Column<decimal>(type: "TEXT", precision: 20, scale: 4, nullable: false),
                    LineCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Parties = table.Column<string>(type: "TEXT", nullable: false),
                    TermsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    HoldingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    PayableOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevenueStatements_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RevenueTerms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    HoldingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RevenueTerms_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CharterRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    CharterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Ours = table.Column<string>(type: "TEXT", nullable: false),
                    Theirs = table.Column<string>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CharterRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CharterRevisions_Charters_CharterId",
                        column: x => x.CharterId,
                        principalTable: "Charters",
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

            migrationBuilder.CreateTable(
                name: "RevenueStatementLines",
                columns: table => new
                {
                    StatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RevenueStatementLines", x => x.StatementId);
                    table.ForeignKey(
                        name: "FK_RevenueStatementLines_RevenueStatements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "RevenueStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "IX_Partnerships_WorkspaceId_UpdatedAt",
                table: "Partnerships",
                columns: new[] { "WorkspaceId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipMembers_WorkspaceId_PartnerId",
                table: "PartnershipMembers",
                columns: new[] { "WorkspaceId", "PartnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_WorkspaceId_PartnerId",
                table: "Contacts",
                columns: new[] { "WorkspaceId", "PartnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementApprovals_AgreementId_VersionNumber_UserId",
                table: "AgreementApprovals",
                columns: new[] { "AgreementId", "VersionNumber", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementReviews_AgreementId_DueOn",
                table: "AgreementReviews",
                columns: new[] { "AgreementId", "DueOn" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementReviews_WorkspaceId_State_DueOn",
                table: "AgreementReviews",
                columns: new[] { "WorkspaceId", "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_PartnershipId",
                table: "Agreements",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_WorkspaceId_Status",
                table: "Agreements",
                columns: new[] { "WorkspaceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementTransitions_AgreementId_At",
                table: "AgreementTransitions",
                columns: new[] { "AgreementId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementVersions_AgreementId_Number",
                table: "AgreementVersions",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CharterRevisions_CharterId_Number",
                table: "CharterRevisions",
                columns: new[] { "CharterId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Charters_PartnershipId",
                table: "Charters",
                column: "PartnershipId",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_RevenueEvents_AgreementId_Date",
                table: "RevenueEvents",
                columns: new[] { "AgreementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_RevenueEvents_StatementId_AgreementId_Date",
                table: "RevenueEvents",
                columns: new[] { "StatementId", "AgreementId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_RevenueEvents_WorkspaceId_Key",
                table: "RevenueEvents",
                columns: new[] { "WorkspaceId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevenueStatements_AgreementId_From",
                table: "RevenueStatements",
                columns: new[] { "AgreementId", "From" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RevenueStatements_PartnershipId",
                table: "RevenueStatements",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_RevenueStatements_WorkspaceId_IssuedAt",
                table: "RevenueStatements",
                columns: new[] { "WorkspaceId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RevenueTerms_AgreementId",
                table: "RevenueTerms",
                column: "AgreementId",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssigneeId_Status",
                table: "Tasks",
                columns: new[] { "AssigneeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_PartnershipId",
                table: "Tasks",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_WorkspaceId_SourceKey",
                table: "Tasks",
                columns: new[] { "WorkspaceId", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_WorkspaceId_Status_DueOn",
                table: "Tasks",
                columns: new[] { "WorkspaceId", "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementApprovals");

            migrationBuilder.DropTable(
                name: "AgreementReviews");

            migrationBuilder.DropTable(
                name: "AgreementTransitions");

            migrationBuilder.DropTable(
                name: "AgreementVersions");

            migrationBuilder.DropTable(
                name: "CharterRevisions");

            migrationBuilder.DropTable(
                name: "EngagementSnapshots");

            migrationBuilder.DropTable(
                name: "HealthSnapshots");

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
                name: "RevenueEvents");

            migrationBuilder.DropTable(
                name: "RevenueStatementLines");

            migrationBuilder.DropTable(
                name: "RevenueTerms");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyRecipients");

            migrationBuilder.DropTable(
                name: "Tasks");

            migrationBuilder.DropTable(
                name: "Charters");

            migrationBuilder.DropTable(
                name: "ObservationBatches");

            migrationBuilder.DropTable(
                name: "PartnershipMetrics");

            migrationBuilder.DropTable(
                name: "RevenueStatements");

            migrationBuilder.DropTable(
                name: "SurveyRounds");

            migrationBuilder.DropTable(
                name: "MetricDefinitions");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Partnerships_WorkspaceId_UpdatedAt",
                table: "Partnerships");

            migrationBuilder.DropIndex(
                name: "IX_PartnershipMembers_WorkspaceId_PartnerId",
                table: "PartnershipMembers");

            migrationBuilder.DropIndex(
                name: "IX_Contacts_WorkspaceId_PartnerId",
                table: "Contacts");

            migrationBuilder.CreateIndex(
                name: "IX_VettingSteps_WorkspaceId",
                table: "VettingSteps",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_VettingDecisions_WorkspaceId",
                table: "VettingDecisions",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_StageTransitions_WorkspaceId",
                table: "StageTransitions",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_WorkspaceId",
                table: "SelfAssessments",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_WorkspaceId",
                table: "Scorecards",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardEvaluations_WorkspaceId",
                table: "ScorecardEvaluations",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Pilots_WorkspaceId",
                table: "Pilots",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Personas_WorkspaceId",
                table: "Personas",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_WorkspaceId",
                table: "Partnerships",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipMembers_WorkspaceId",
                table: "PartnershipMembers",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipAssessments_WorkspaceId",
                table: "PartnershipAssessments",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Partners_WorkspaceId",
                table: "Partners",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Goals_WorkspaceId",
                table: "Goals",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_WorkspaceId",
                table: "Contacts",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_WorkspaceId",
                table: "AuditEntries",
                column: "WorkspaceId");
        }
    }
}
