using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Warmglow.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    PartnershipId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    PublicId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PeerPublicId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    PeerUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PeerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OwnPublicKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OwnPrivateKeyProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PeerPublicKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    InvitationExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeerLinkId = table.Column<int>(type: "integer", nullable: false),
                    Nonce = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerNonces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PrivateOverlapRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    PeerLinkId = table.Column<int>(type: "integer", nullable: false),
                    RunKey = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OurPopulationId = table.Column<int>(type: "integer", nullable: true),
                    OurPopulationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PeerPopulationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OurSize = table.Column<int>(type: "integer", nullable: false),
                    PeerSize = table.Column<int>(type: "integer", nullable: true),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    RecordLevel = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkspaceId = table.Column<int>(type: "integer", nullable: false),
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Domain = table.Column<string>(type: "character varying(253)", maxLength: 253, nullable: true),
                    Country = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
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
