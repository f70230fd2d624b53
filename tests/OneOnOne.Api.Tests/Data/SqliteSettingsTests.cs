using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Data;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Data;

/// <summary>SQLite as the embedded default serves concurrent requests: see Data/SqliteBusyTimeout.cs and DatabaseSetup.</summary>
public sealed class SqliteSettingsTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_connection_lets_sqlite_wait_for_a_busy_database_and_the_file_uses_write_ahead_logging()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
        await db.Database.OpenConnectionAsync(Cancel);
        var connection = db.Database.GetDbConnection();

        Assert.Equal(5000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Cancel);
    }
}
