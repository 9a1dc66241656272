using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SuggestionDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SuggestionDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    Stance = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TopicSlug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TopicLabel = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Cue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LexiconEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Accepted = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClaimId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuggestionDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuggestionDecisions_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SuggestionDecisions_LexiconEntries_LexiconEntryId",
                        column: x => x.LexiconEntryId,
                        principalTable: "LexiconEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionDecisions_DocumentId_Accepted",
                table: "SuggestionDecisions",
                columns: new[] { "DocumentId", "Accepted" });

            migrationBuilder.CreateIndex(
                name: "IX_SuggestionDecisions_LexiconEntryId",
                table: "SuggestionDecisions",
                column: "LexiconEntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SuggestionDecisions");
        }
    }
}
