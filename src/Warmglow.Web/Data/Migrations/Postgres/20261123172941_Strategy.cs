using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    Metric = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Baseline = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Inputs = table.Column<string>(type: "character varying(64000)", maxLength: 64000, nullable: false),
                    UpdatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Values = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MarketPosition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OperationalStyle = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Size = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Industry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Personas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TakenByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    TakenByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ResourcesScore = table.Column<int>(type: "integer", nullable: false),
                    ResourcesNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ExpertiseScore = table.Column<int>(type: "integer", nullable: false),
                    ExpertiseNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MarketPositionScore = table.Column<int>(type: "integer", nullable: false),
                    MarketPositionNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    BrandValuesScore = table.Column<int>(type: "integer", nullable: false),
                    BrandValuesNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    OperationalCapacityScore = table.Column<int>(type: "integer", nullable: false),
                    OperationalCapacityNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RiskToleranceScore = table.Column<int>(type: "integer", nullable: false),
                    RiskToleranceNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StrategicObjectivesScore = table.Column<int>(type: "integer", nullable: false),
                    StrategicObjectivesNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StrategyStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    WhatWeNeed = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WhatWeCanGive = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WhoCanHelp = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Strengths = table.Column<List<string>>(type: "text[]", nullable: false),
                    Weaknesses = table.Column<List<string>>(type: "text[]", nullable: false),
                    Opportunities = table.Column<List<string>>(type: "text[]", nullable: false),
                    Threats = table.Column<List<string>>(type: "text[]", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
