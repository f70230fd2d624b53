using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeriesActionCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ActionsDone",
                table: "Series",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ActionsDoneOnTime",
                table: "Series",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The counts of the actions already there (ActionTally keeps them from now on; its RecountAsync is the
            // same rule): completed by the end of the due date, in UTC, or without one.
            migrationBuilder.Sql("""
                UPDATE "Series" SET
                    "ActionsDone" = (SELECT COUNT(*) FROM "ActionItems" AS a WHERE a."SeriesId" = "Series"."Id" AND a."Status" = 'Done'),
                    "ActionsDoneOnTime" = (SELECT COUNT(*) FROM "ActionItems" AS a WHERE a."SeriesId" = "Series"."Id" AND a."Status" = 'Done'
                        AND (a."DueDate" IS NULL OR date(a."CompletedUtc") <= a."DueDate"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActionsDone",
                table: "Series");

            migrationBuilder.DropColumn(
                name: "ActionsDoneOnTime",
                table: "Series");
        }
    }
}
