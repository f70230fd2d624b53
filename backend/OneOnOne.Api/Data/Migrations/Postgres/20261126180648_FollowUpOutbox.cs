using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OneOnOne.Api.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NoRecaps",
                table: "People",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "NoReminders",
                table: "People",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "MeetingId",
                table: "FollowUps",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<DateTime>(
                name: "ClaimedUtc",
                table: "FollowUps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnqueuedUtc",
                table: "FollowUps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "FollowUps",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
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
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JobId",
                table: "FollowUps",
                type: "character varying(128)",
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
