using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PositionCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_TopicId_Status",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_TopicId_Status_DocumentId_Stance_Intensity_Negated_Start",
                table: "Claims",
                columns: new[] { "TopicId", "Status", "DocumentId", "Stance", "Intensity", "Negated", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_TopicId_Status_DocumentId_Stance_Intensity_Negated_Start",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_TopicId_Status",
                table: "Claims",
                columns: new[] { "TopicId", "Status" });
        }
    }
}
