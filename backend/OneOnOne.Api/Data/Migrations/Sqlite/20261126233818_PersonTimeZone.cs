using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "People",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "People");
        }
    }
}
