using Npgsql;

namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>The real PostgreSQL server the tests run against, given by ONEONONE_TEST_POSTGRES (CI starts one).</summary>
public static class PostgresServer
{
    public const string Variable = "ONEONONE_TEST_POSTGRES";

    private static string? BaseConnectionString => Environment.GetEnvironmentVariable(Variable);

    public static string? SkipReason => string.IsNullOrWhiteSpace(BaseConnectionString)
        ? $"No PostgreSQL server given: set {Variable} to a connection string (`source .ci/start-postgres.sh` starts one)."
        : null;

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(BaseConnectionString) { Database = database, Pooling = true }.ConnectionString;

    public static async Task DropDatabaseAsync(string database)
    {
        if (SkipReason is not null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
