using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SignatureDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DocumentSignatories_ActorId_DocumentId",
                table: "DocumentSignatories");

            migrationBuilder.AddColumn<DateOnly>(
                name: "IssuedOn",
                table: "DocumentSignatories",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Each signature takes its document's date; from here on the write paths set it with the signature.
            migrationBuilder.Sql("""
                UPDATE "DocumentSignatories"
                SET "IssuedOn" = (SELECT d."IssuedOn" FROM "Documents" d WHERE d."Id" = "DocumentSignatories"."DocumentId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignatories_ActorId_IssuedOn_DocumentId",
                table: "DocumentSignatories",
                columns: new[] { "ActorId", "IssuedOn", "DocumentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DocumentSignatories_ActorId_IssuedOn_DocumentId",
                table: "DocumentSignatories");

            migrationBuilder.DropColumn(
                name: "IssuedOn",
                table: "DocumentSignatories");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentSignatories_ActorId_DocumentId",
                table: "DocumentSignatories",
                columns: new[] { "ActorId", "DocumentId" });
        }
    }
}
