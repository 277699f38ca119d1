using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Portal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PartnerAdminGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PartnerId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnerAdminGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnerAdminGrants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnerAdminGrants_Partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "Partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAdminGrants_PartnerId",
                table: "PartnerAdminGrants",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAdminGrants_UserId",
                table: "PartnerAdminGrants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAdminGrants_WorkspaceId_PartnerId",
                table: "PartnerAdminGrants",
                columns: new[] { "WorkspaceId", "PartnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnerAdminGrants_WorkspaceId_UserId",
                table: "PartnerAdminGrants",
                columns: new[] { "WorkspaceId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PartnerAdminGrants");
        }
    }
}
