using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CompareIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DocumentSignatories_ActorId",
                table: "DocumentSignatories");

            migrationBuilder.DropIndex(
                name: "IX_ClaimHolders_ActorId",
                table: "ClaimHolders");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignatories_ActorId_DocumentId",
                table: "DocumentSignatories",
                columns: new[] { "ActorId", "DocumentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimHolders_ActorId_ClaimId",
                table: "ClaimHolders",
                columns: new[] { "ActorId", "ClaimId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DocumentSignatories_ActorId_DocumentId",
                table: "DocumentSignatories");

            migrationBuilder.DropIndex(
                name: "IX_ClaimHolders_ActorId_ClaimId",
                table: "ClaimHolders");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignatories_ActorId",
                table: "DocumentSignatories",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimHolders_ActorId",
                table: "ClaimHolders",
                column: "ActorId");
        }
    }
}
