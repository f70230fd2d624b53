using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CalendarAndDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_NormalizedEmail",
                table: "People");

            migrationBuilder.DropColumn(
                name: "OutlookItemId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "OutlookSeriesId",
                table: "Meetings");

            migrationBuilder.AddColumn<string>(
                name: "AccountState",
                table: "People",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Active");

            migrationBuilder.AddColumn<DateTime>(
                name: "DirectoryCheckedUtc",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "LinkedEventId",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OriginalStartUtc",
                table: "Meetings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CalendarSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubscriptionId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ClientStateHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CalendarSubscriptions_People_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LinkedEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ICalUId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    OrganizerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizerEventId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    IsRecurring = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StateReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    CheckedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkedEvents_People_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LinkedEvents_Series_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "Series",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_NormalizedEmail",
                table: "People",
                columns: new[] { "TenantId", "NormalizedEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_LinkedEventId_OriginalStartUtc",
                table: "Meetings",
                columns: new[] { "LinkedEventId", "OriginalStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarSubscriptions_ExpiresUtc",
                table: "CalendarSubscriptions",
                column: "ExpiresUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarSubscriptions_OrganizerId",
                table: "CalendarSubscriptions",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_CalendarSubscriptions_SubscriptionId",
                table: "CalendarSubscriptions",
                column: "SubscriptionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CalendarSubscriptions_TenantId_OrganizerId",
                table: "CalendarSubscriptions",
                columns: new[] { "TenantId", "OrganizerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedEvents_OrganizerId",
                table: "LinkedEvents",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedEvents_SeriesId",
                table: "LinkedEvents",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkedEvents_State_CheckedUtc",
                table: "LinkedEvents",
                columns: new[] { "State", "CheckedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_LinkedEvents_TenantId_ICalUId",
                table: "LinkedEvents",
                columns: new[] { "TenantId", "ICalUId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarSubscriptions");

            migrationBuilder.DropTable(
                name: "LinkedEvents");

            migrationBuilder.DropIndex(
                name: "IX_People_TenantId_NormalizedEmail",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Meetings_LinkedEventId_OriginalStartUtc",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "AccountState",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DirectoryCheckedUtc",
                table: "People");

            migrationBuilder.DropColumn(
                name: "LinkedEventId",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "OriginalStartUtc",
                table: "Meetings");

            migrationBuilder.AddColumn<string>(
                name: "OutlookItemId",
                table: "Meetings",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutlookSeriesId",
                table: "Meetings",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_NormalizedEmail",
                table: "People",
                columns: new[] { "TenantId", "NormalizedEmail" },
                unique: true);
        }
    }
}
