using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaneIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActionItems_SeriesId_Status",
                table: "ActionItems");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_SeriesId_Status_StartUtc_EndUtc",
                table: "Meetings",
                columns: new[] { "SeriesId", "Status", "StartUtc", "EndUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_CreatedInMeetingId",
                table: "ActionItems",
                column: "CreatedInMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_SeriesId_Status_DueDate_CompletedUtc",
                table: "ActionItems",
                columns: new[] { "SeriesId", "Status", "DueDate", "CompletedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Meetings_SeriesId_Status_StartUtc_EndUtc",
                table: "Meetings");

            migrationBuilder.DropIndex(
                name: "IX_ActionItems_CreatedInMeetingId",
                table: "ActionItems");

            migrationBuilder.DropIndex(
                name: "IX_ActionItems_SeriesId_Status_DueDate_CompletedUtc",
                table: "ActionItems");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_SeriesId_Status",
                table: "ActionItems",
                columns: new[] { "SeriesId", "Status" });
        }
    }
}
