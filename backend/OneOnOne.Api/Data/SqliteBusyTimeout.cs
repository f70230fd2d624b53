using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace OneOnOne.Api.Data;

/// <summary>
/// Lets SQLite itself wait for a busy database. SQLite commits one writer at a time; Microsoft.Data.Sqlite answers
/// "busy" by sleeping 150 ms and trying again, so concurrent writes waited in steps of 150 ms (the agenda write's p99
/// was about 390 ms in the load benchmark). SQLite's own busy handler waits in steps of a few milliseconds. The setting
/// belongs to SQLite's connection, which Microsoft.Data.Sqlite's pool keeps open between requests, so it is made once
/// per pooled connection, not on every open.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    // Well under the 30 s command timeout, after which Microsoft.Data.Sqlite's own retries give up.
    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    private readonly ConditionalWeakTable<sqlite3, object> applied = [];

    private SqliteBusyTimeout()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } && !applied.TryAdd(handle, Pragma))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }
}
