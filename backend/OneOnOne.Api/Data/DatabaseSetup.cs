using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public static class DatabaseSetup
{
    public const string ConnectionStringName = "OneOnOne";

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var configured = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(configured, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new StartupConfigurationException(
                $"Database:Provider '{configured}' is not known: set it to Sqlite, SqlServer or PostgreSql.");
    }

    public static IServiceCollection AddOneOnOneData(this IServiceCollection services, IConfiguration configuration, AppPaths paths)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(paths.DataFolder, "oneonone.db")}"
                : throw new StartupConfigurationException(
                    $"ConnectionStrings:{ConnectionStringName} is required when Database:Provider is {provider}.");
        }

        services.AddScoped<CallerScope>();
        // First of the hosted services: everything that starts after it (Data Protection's key ring, Hangfire) finds a migrated database.
        services.AddHostedService<DatabaseStartup>();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                Register<SqliteOneOnOneDb>(services, provider, connectionString);
                break;
            case DatabaseProvider.PostgreSql:
                Register<PostgresOneOnOneDb>(services, provider, connectionString);
                break;
            case DatabaseProvider.SqlServer:
                Register<SqlServerOneOnOneDb>(services, provider, connectionString);
                break;
        }

        return services;
    }

    private static void Register<TContext>(IServiceCollection services, DatabaseProvider provider, string connectionString)
        where TContext : OneOnOneDb
    {
        // Interceptors registered in the container join every context, in the order registered (Program.cs); tests add a
        // command counter.
        services.AddDbContext<TContext>((sp, options) => Configure((DbContextOptionsBuilder<TContext>)options, provider, connectionString)
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        services.AddScoped<OneOnOneDb>(sp => sp.GetRequiredService<TContext>());
        services.AddDataProtection().PersistKeysToDbContext<TContext>();
    }

    public static DbContextOptionsBuilder<TContext> Configure<TContext>(
        DbContextOptionsBuilder<TContext> options, DatabaseProvider provider, string connectionString)
        where TContext : DbContext
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                // SQLite rebuilds a changed table with foreign keys off, which cannot run inside the migration's
                // transaction; EF Core then warns of a "partially applied state" at every first start. That risk is the
                // same for every SQLite app and is said once, plainly, by MigrateAsync instead.
                options.UseSqlite(connectionString).AddInterceptors(SqliteBusyTimeout.Instance)
                    .ConfigureWarnings(warnings => warnings.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(WithAutoPrepare(connectionString));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
                break;
        }

        return options;
    }

    // The pane's queries repeat with every request; prepared statements make them about 3x cheaper on PostgreSQL.
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 50;
        }

        return builder.ConnectionString;
    }

    /// <summary>With data rights only the app cannot migrate: it refuses to run on a schema older than itself.</summary>
    public static async Task RequireMigratedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migrations ({pending[^1]}) and Database:ApplyMigrations is false: run `OneOnOne.Api migrate` (or its --script) first.");
        }
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
        if (db.Database.IsSqlite())
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        if (db.Database.IsSqlite() && (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count() is var pending and > 0)
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup)).LogInformation(
                "Bringing the SQLite database up to date ({Count} steps). Let it finish: a start stopped halfway leaves the file to be deleted (the demo data comes back).",
                pending);
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers no longer wait for a writer's commit, nor the writer for readers. The mode
            // is kept in the database file; an in-memory database stays in its own mode.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }
}
