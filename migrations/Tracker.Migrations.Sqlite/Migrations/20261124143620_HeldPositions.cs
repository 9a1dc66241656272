using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HeldPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HeldPositions",
                columns: table => new
                {
                    ClaimId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<int>(type: "INTEGER", nullable: false),
                    TopicId = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Stance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Intensity = table.Column<int>(type: "INTEGER", nullable: false),
                    Negated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldPositions", x => new { x.ClaimId, x.ActorId });
                    table.ForeignKey(
                        name: "FK_HeldPositions_Actors_ActorId",
                        column: x => x.ActorId,
                        principalTable: "Actors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HeldPositions_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HeldPositions_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HeldPositions_Topics_TopicId",
                        column: x => x.TopicId,
                        principalTable: "Topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPositions_ActorId_TopicId_IssuedOn_DocumentId_Stance_Intensity_Negated_Start_ClaimId",
                table: "HeldPositions",
                columns: new[] { "ActorId", "TopicId", "IssuedOn", "DocumentId", "Stance", "Intensity", "Negated", "Start", "ClaimId" });

            migrationBuilder.CreateIndex(
                name: "IX_HeldPositions_DocumentId",
                table: "HeldPositions",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_HeldPositions_TopicId_IssuedOn_ActorId",
                table: "HeldPositions",
                columns: new[] { "TopicId", "IssuedOn", "ActorId" });

            // Derive the rows of the claims already there; from here on the write paths keep them in step.
            migrationBuilder.Sql("""
                INSERT INTO "HeldPositions" ("ClaimId", "ActorId", "TopicId", "DocumentId", "IssuedOn", "Stance", "Intensity", "Negated", "Start")
                SELECT c."Id", h."ActorId", c."TopicId", c."DocumentId", d."IssuedOn", c."Stance", c."Intensity", c."Negated", c."Start"
                FROM "ClaimHolders" h
                JOIN "Claims" c ON c."Id" = h."ClaimId"
                JOIN "Documents" d ON d."Id" = c."DocumentId"
                WHERE c."Status" = 'Accepted';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldPositions");
        }
    }
}
