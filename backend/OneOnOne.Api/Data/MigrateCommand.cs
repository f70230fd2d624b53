using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.Data;

/// <summary>
/// The schema as a step of its own, for a database where the app runs with data rights only
/// (Database:ApplyMigrations=false): `OneOnOne.Api migrate` applies the migrations and Hangfire's schema with an owner's
/// connection string; `OneOnOne.Api migrate --script` prints the idempotent SQL a DBA can review and run instead.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";

    public static async Task<int> RunAsync(string[] args)
    {
        var script = args.Contains("--script");
        var builder = Host.CreateApplicationBuilder(args.Where(a => a is not Name and not "--script").ToArray());
        var paths = new AppPaths(builder.Configuration, builder.Environment);
        builder.Services.AddOneOnOneData(builder.Configuration, paths);
        using var host = builder.Build();
        var provider = DatabaseSetup.ReadProvider(builder.Configuration);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
        var connectionString = db.Database.GetConnectionString()!;

        if (script)
        {
            Console.WriteLine(Script(db, provider));
            return 0;
        }

        await DatabaseSetup.MigrateAsync(host.Services, CancellationToken.None);
        // Hangfire logs through a process-wide provider: this command's own, not whatever a host set before.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(new Hangfire.AspNetCore.AspNetCoreLogProvider(host.Services.GetRequiredService<ILoggerFactory>()));
        InstallHangfireSchema(provider, connectionString);
        Console.WriteLine($"OneOnOne: the {provider} database is up to date ({db.Database.GetMigrations().Count()} migrations, Hangfire's schema).");
        return 0;
    }

    /// <summary>The idempotent SQL of every migration (and, for SQL Server, Hangfire's own install script).</summary>
    public static string Script(OneOnOneDb db, DatabaseProvider provider)
    {
        var script = new System.Text.StringBuilder(db.Database.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent));
        if (provider == DatabaseProvider.SqlServer)
        {
            script.AppendLine("GO").AppendLine(SqlServerObjectsInstaller.GetInstallScript(schema: null, enableHeavyMigrations: false));
        }
        else if (provider == DatabaseProvider.PostgreSql)
        {
            // Hangfire.PostgreSql upgrades its schema script by script, each refusing when already applied: there is no
            // single script, so its schema comes from `migrate` with an owner's connection string.
            script.AppendLine("-- Hangfire's schema (\"hangfire\"): run `OneOnOne.Api migrate` with an owner's connection string to install it.");
        }

        return script.ToString();
    }

    public static void InstallHangfireSchema(DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                using (var connection = new NpgsqlConnection(connectionString))
                {
                    connection.Open();
                    PostgreSqlObjectsInstaller.Install(connection);
                }

                break;
            case DatabaseProvider.SqlServer:
                using (var connection = new SqlConnection(connectionString))
                {
                    connection.Open();
                    SqlServerObjectsInstaller.Install(connection);
                }

                break;
        }
    }
}
