using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Api.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FollowUpOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FollowUps_MeetingId_Kind_RecipientId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_RecipientId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "JobId",
                table: "FollowUps");

            migrationBuilder.AddColumn<bool>(
                name: "NoDigests",
                table: "People",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NoRecaps",
                table: "People",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NoReminders",
                table: "People",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "MeetingId",
                table: "FollowUps",
                type: "uniqueidentifier",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier");

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUtc",
                table: "FollowUps",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnqueuedUtc",
                table: "FollowUps",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "FollowUps",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_MeetingId",
                table: "FollowUps",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_RecipientId_Kind_Key",
                table: "FollowUps",
                columns: new[] { "RecipientId", "Kind", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_MeetingId",
                table: "FollowUps");

            migrationBuilder.DropIndex(
                name: "IX_FollowUps_RecipientId_Kind_Key",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "NoDigests",
                table: "People");

            migrationBuilder.DropColumn(
                name: "NoRecaps",
                table: "People");

            migrationBuilder.DropColumn(
                name: "NoReminders",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ClaimedUtc",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "EnqueuedUtc",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "FollowUps");

            migrationBuilder.AlterColumn<Guid>(
                name: "MeetingId",
                table: "FollowUps",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JobId",
                table: "FollowUps",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_MeetingId_Kind_RecipientId",
                table: "FollowUps",
                columns: new[] { "MeetingId", "Kind", "RecipientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_RecipientId",
                table: "FollowUps",
                column: "RecipientId");
        }
    }
}
