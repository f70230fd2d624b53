using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Data;
using OneOnOne.Api.FollowUps;

namespace OneOnOne.Benchmarks;

/// <summary>
/// The real API for a measured run: its own data folder, SQLite there or the given PostgreSQL database, no demo data,
/// warnings only in the log; a run adds its settings and service replacements.
/// </summary>
internal class BenchmarkHost(string? postgres, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<FollowUpSweep>
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("oneonone-bench-").FullName;

    /// <summary>The run's data folder: its SQLite database and the development signing key.</summary>
    public string DataFolder => dataFolder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A console app has no test-project content-root metadata: point at the API project in the repository.
        builder.UseSolutionRelativeContentRoot("backend/OneOnOne.Api");
        builder.UseEnvironment("Development");
        builder.UseSetting("App:DataFolder", dataFolder);
        builder.UseSetting("Database:Provider", postgres is null ? "Sqlite" : "PostgreSql");
        builder.UseSetting("ConnectionStrings:OneOnOne", postgres ?? $"Data Source={Path.Combine(dataFolder, "oneonone.db")}");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    public async Task<T> WithDbAsync<T>(Func<OneOnOneDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OneOnOneDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(dataFolder, recursive: true);
    }

    /// <summary>The server's connection string, pointed at another database of it.</summary>
    public static string WithDatabase(string connectionString, string database) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    /// <summary>Drops a run's database, even while its pools still hold connections.</summary>
    public static async Task DropDatabaseAsync(string connectionString, string database)
    {
        await using var connection = new Npgsql.NpgsqlConnection(WithDatabase(connectionString, "postgres"));
        await connection.OpenAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
