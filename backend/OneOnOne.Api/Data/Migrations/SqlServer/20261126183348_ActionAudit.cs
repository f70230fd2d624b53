using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Api.Data.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ActionItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeriesId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ChangedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ChangedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Change = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Changes = table.Column<string>(type: "nvarchar(max)", nullable: false)
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
