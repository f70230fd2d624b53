using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActionAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionAuditEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActionItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionAuditEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionAuditEntries_Series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "Series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionAuditEntries_ActionItemId_ChangedUtc",
                table: "ActionAuditEntries",
                columns: new[] { "ActionItemId", "ChangedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionAuditEntries_SeriesId",
                table: "ActionAuditEntries",
                column: "SeriesId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionAuditEntries");
        }
    }
}
