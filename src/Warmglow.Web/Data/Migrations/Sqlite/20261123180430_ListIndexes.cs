using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
