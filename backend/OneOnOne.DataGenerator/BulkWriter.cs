using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using OneOnOne.Api.Data;

namespace OneOnOne.DataGenerator;

/// <summary>
/// Writes entities straight into their tables, one transaction per call, bypassing change tracking. Tables, columns
/// and value conversions come from the context's EF model, so the rows are exactly what EF would have written.
/// PostgreSQL gets binary COPY; SQLite and SQL Server a prepared INSERT per row.
/// </summary>
/// <remarks>
/// Rows written here skip the save interceptors (<see cref="ActionAudit"/>, <see cref="ActionTally"/>), and so the action
/// audit trail: generated history is an import, not changes people made.
/// </remarks>
internal abstract class BulkWriter(OneOnOneDb db)
{
    private readonly Dictionary<Type, Table> tables = [];

    protected DbConnection Connection => db.Database.GetDbConnection();

    public static BulkWriter For(OneOnOneDb db) =>
        db.Database.IsNpgsql() ? new PostgresCopyWriter(db) : new InsertWriter(db);

    public async Task WriteAsync(IEnumerable<(Type Type, System.Collections.IList Rows)> rowsPerTable, CancellationToken cancellationToken)
    {
        if (Connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await PrepareConnectionAsync(cancellationToken);
        }

        await using var transaction = await Connection.BeginTransactionAsync(cancellationToken);
        foreach (var (type, rows) in rowsPerTable)
        {
            if (rows.Count > 0)
            {
                await WriteTableAsync(transaction, TableOf(type), rows, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    protected virtual Task PrepareConnectionAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected abstract Task WriteTableAsync(DbTransaction transaction, Table table, System.Collections.IList rows, CancellationToken cancellationToken);

    private Table TableOf(Type type)
    {
        if (tables.TryGetValue(type, out var known))
        {
            return known;
        }

        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var name = entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} has no table.");
        var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entityType.GetProperties()
            .Select(p => new Column(
                sql.DelimitIdentifier(p.GetColumnName(store) ?? throw new InvalidOperationException($"{type.Name}.{p.Name} has no column.")),
                p.GetGetter(),
                p.GetRelationalTypeMapping()))
            .ToArray();
        var table = new Table(sql.DelimitIdentifier(name, entityType.GetSchema()), columns);
        tables[type] = table;
        return table;
    }

    protected sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
    {
        /// <summary>The value as the database stores it (enums as text, instants as UTC), or null.</summary>
        public object? ProviderValue(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            return value is null ? null : Mapping.Converter?.ConvertToProvider(value) ?? value;
        }
    }

    protected sealed record Table(string Name, Column[] Columns)
    {
        public string ColumnList => string.Join(", ", Columns.Select(c => c.Name));
    }

    private sealed class InsertWriter(OneOnOneDb db) : BulkWriter(db)
    {
        private readonly bool sqlite = db.Database.IsSqlite();

        // SQLite's default 2 MB page cache makes every insert into the GUID-keyed indexes a disk read once the tables
        // outgrow it; with 256 MB the full-size organisation took 93 s instead of 121 s here.
        protected override async Task PrepareConnectionAsync(CancellationToken cancellationToken)
        {
            if (sqlite)
            {
                await using var command = Connection.CreateCommand();
                command.CommandText = "PRAGMA cache_size = -262144";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        protected override async Task WriteTableAsync(DbTransaction transaction, Table table, System.Collections.IList rows, CancellationToken cancellationToken)
        {
            await using var command = Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
            // The type mapping configures each parameter as EF would (on SQLite, a Guid as upper-case text, not a blob).
            var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(command, $"p{i}", null, nullable: true)).ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(cancellationToken);
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = table.Columns[i].ProviderValue(row!) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    private sealed class PostgresCopyWriter(OneOnOneDb db) : BulkWriter(db)
    {
        protected override async Task WriteTableAsync(DbTransaction transaction, Table table, System.Collections.IList rows, CancellationToken cancellationToken)
        {
            var connection = (NpgsqlConnection)Connection;
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var column in table.Columns)
                {
                    await WriteValueAsync(importer, column.ProviderValue(row!), cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        // Binary COPY needs the exact PostgreSQL type of each value; these are the ones the model's columns use.
        private static Task WriteValueAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
        {
            null => importer.WriteNullAsync(cancellationToken),
            Guid guid => importer.WriteAsync(guid, NpgsqlDbType.Uuid, cancellationToken),
            string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
            DateTime time => importer.WriteAsync(time, NpgsqlDbType.TimestampTz, cancellationToken),
            DateOnly date => importer.WriteAsync(date, NpgsqlDbType.Date, cancellationToken),
            int number => importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
            bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
            _ => throw new NotSupportedException($"No COPY type for {value.GetType().Name}."),
        };
    }
}
