using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>
/// The app's database failing on cue: every command while <see cref="Down"/> (as for a process that died: nothing it
/// does afterwards reaches the database), or the commands <see cref="Fails"/> picks (a database error in one step).
/// </summary>
public sealed class FailingDatabase : DbCommandInterceptor
{
    public volatile bool Down;

    public Func<DbCommand, bool> Fails { get; set; } = _ => false;

    private void Check(DbCommand command)
    {
        if (Down || Fails(command))
        {
            throw new SqliteException("The database failed (a test's fault).", 10);
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }
}
