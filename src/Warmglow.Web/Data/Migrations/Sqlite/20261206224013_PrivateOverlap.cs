using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PrivateOverlap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PeerLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PublicId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PeerPublicId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    PeerUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PeerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OwnPublicKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnPrivateKeyProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PeerPublicKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    InvitationExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeerLinks_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PeerNonces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeerLinkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Nonce = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SeenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerNonces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PrivateOverlapRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeerLinkId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OurPopulationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OurPopulationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PeerPopulationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OurSize = table.Column<int>(type: "INTEGER", nullable: false),
                    PeerSize = table.Column<int>(type: "INTEGER", nullable: true),
                    Count = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordLevel = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivateOverlapRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrivateOverlapRuns_PeerLinks_PeerLinkId",
                        column: x => x.PeerLinkId,
                        principalTable: "PeerLinks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PrivateOverlapMatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkspaceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 253, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivateOverlapMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PrivateOverlapMatches_PrivateOverlapRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "PrivateOverlapRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PeerLinks_PartnershipId",
                table: "PeerLinks",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_PeerLinks_PublicId",
                table: "PeerLinks",
                column: "PublicId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerNonces_PeerLinkId_Nonce",
                table: "PeerNonces",
                columns: new[] { "PeerLinkId", "Nonce" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeerNonces_SeenAt",
                table: "PeerNonces",
                column: "SeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_PrivateOverlapMatches_RunId",
                table: "PrivateOverlapMatches",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_PrivateOverlapRuns_PeerLinkId_RunKey_Role",
                table: "PrivateOverlapRuns",
                columns: new[] { "PeerLinkId", "RunKey", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PrivateOverlapRuns_PeerLinkId_StartedAt",
                table: "PrivateOverlapRuns",
                columns: new[] { "PeerLinkId", "StartedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PeerNonces");

            migrationBuilder.DropTable(
                name: "PrivateOverlapMatches");

            migrationBuilder.DropTable(
                name: "PrivateOverlapRuns");

            migrationBuilder.DropTable(
                name: "PeerLinks");
        }
    }
}
