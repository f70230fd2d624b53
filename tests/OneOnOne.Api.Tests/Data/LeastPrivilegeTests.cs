using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using OneOnOne.Api.Data;
using OneOnOne.Api.Tests.FollowUps;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Data;

/// <summary>
/// The schema as a step of its own (`OneOnOne.Api migrate`, or its idempotent script), and the app on PostgreSQL with a
/// role that may read and write data and nothing else: the panes, the sweep and the mails all work.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class LeastPrivilegeTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task After_the_migration_step_the_app_runs_with_data_rights_only()
    {
        Assert.SkipWhen(PostgresServer.SkipReason is not null && Environment.GetEnvironmentVariable("CI") != "true", PostgresServer.SkipReason ?? "");
        var database = $"oneonone_test_{Guid.NewGuid():N}";
        var role = $"oneonone_app_{Guid.NewGuid():N}"[..24];
        var server = PostgresServer.ConnectionStringFor("postgres");
        var owner = PostgresServer.ConnectionStringFor(database);
        var dataOnly = new NpgsqlConnectionStringBuilder(owner) { Username = role }.ConnectionString;
        try
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
            Assert.Equal(0, await MigrateCommand.RunAsync(["migrate", "--Database:Provider=PostgreSql", $"--ConnectionStrings:OneOnOne={owner}"]));
            await ExecuteAsync(owner, $"""
                CREATE ROLE "{role}" LOGIN;
                GRANT CONNECT ON DATABASE "{database}" TO "{role}";
                GRANT USAGE ON SCHEMA public, hangfire TO "{role}";
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, hangfire TO "{role}";
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, hangfire TO "{role}";
                """);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(dataOnly, "CREATE TABLE public.probe (id int)"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);

            await using var host = new FollowUpHost(
                new FakeTimeProvider(Now),
                new() { ["Database:ApplyMigrations"] = "false", ["Mail:Transport"] = "Pickup" },
                postgresConnectionString: dataOnly);
            var pair = await OneOnOnePair.CreateAsync(host);
            await host.AddMeetingsAsync(pair.Meeting.SeriesId, [Now.UtcDateTime.AddHours(-1)]);
            await host.RunUntilDoneAsync();

            var rows = await host.RowsAsync();
            Assert.Equal(2, rows.Count);
            Assert.All(rows, r => Assert.Equal(FollowUpStatus.Sent, r.Status));
            Assert.Equal(2, Directory.GetFiles(host.PickupFolder, "*.eml").Length);
            Directory.Delete(host.DataFolder, recursive: true);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
            await ExecuteAsync(server, $"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    [Fact]
    public async Task The_idempotent_script_can_be_run_twice_and_an_unmigrated_database_is_refused()
    {
        Assert.SkipWhen(PostgresServer.SkipReason is not null && Environment.GetEnvironmentVariable("CI") != "true", PostgresServer.SkipReason ?? "");
        var database = $"oneonone_test_{Guid.NewGuid():N}";
        var server = PostgresServer.ConnectionStringFor("postgres");
        var owner = PostgresServer.ConnectionStringFor(database);
        try
        {
            await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
            await using var refusing = new FollowUpHost(new FakeTimeProvider(Now), new() { ["Database:ApplyMigrations"] = "false" }, postgresConnectionString: owner);
            var notMigrated = Assert.ThrowsAny<Exception>(() => refusing.Server);
            Assert.Contains("run `OneOnOne.Api migrate`", notMigrated.ToString(), StringComparison.Ordinal);

            var options = DatabaseSetup.Configure(new DbContextOptionsBuilder<PostgresOneOnOneDb>(), DatabaseProvider.PostgreSql, owner).Options;
            await using var db = new PostgresOneOnOneDb(options, new CallerScope());
            var script = MigrateCommand.Script(db, DatabaseProvider.PostgreSql);
            await ExecuteAsync(owner, script);
            await ExecuteAsync(owner, script);

            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).Count());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }
}
