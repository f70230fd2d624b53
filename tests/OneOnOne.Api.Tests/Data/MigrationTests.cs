using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Pane;

namespace OneOnOne.Api.Tests.Data;

/// <summary>
/// One migration set per provider, each complete. SQL Server cannot run here, so its migrations are proven by
/// the script they generate, and the pane's hand-tuned statements by the SQL they translate to; SQLite and
/// PostgreSQL are migrated and queried for real by every API test host.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_provider_has_a_migration_for_every_model_change(DatabaseProvider provider)
    {
        using var db = Create(provider);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model has changes with no migration: run dotnet ef migrations add --context for it.");
    }

    [Fact]
    public void Sql_server_migrations_produce_an_idempotent_script()
    {
        using var db = Create(DatabaseProvider.SqlServer);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var output = Path.Combine(AppContext.BaseDirectory, "sqlserver-migrations.sql");
        File.WriteAllText(output, script);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"WHERE [MigrationId] = N'{migration}'", script, StringComparison.Ordinal);
        }

        Assert.Contains("CREATE TABLE [Meetings]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Notes_MeetingId_OwnerKey]", script, StringComparison.Ordinal);
        Assert.Contains("[StartUtc] datetime2 NOT NULL", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_panes_statements_translate_for_sql_server()
    {
        using var db = Create(DatabaseProvider.SqlServer);
        var caller = new Caller(new Person { TenantId = "tenant", DisplayName = "Caller" }, "en");
        var meetingId = Guid.NewGuid();
        var seriesId = Guid.NewGuid();
        var now = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
        var today = DateOnly.FromDateTime(now);

        // ToQueryString translates the whole statement: a construct SQL Server cannot run fails here, not in production.
        var header = PaneEndpoints.Header.Compile()(db, meetingId, caller.TenantId, caller.PersonId, now, today).ToQueryString();
        var agenda = AgendaQueries.Project(AgendaQueries.ForMeeting(db, meetingId, seriesId, now), meetingId).IgnoreQueryFilters().ToQueryString();
        var actions = ActionQueries.Project(ActionQueries.ShownIn(db, seriesId, meetingId, now, Guid.NewGuid()), today).IgnoreQueryFilters().ToQueryString();

        // The header checks the caller's access itself (it ignores the query filters).
        Assert.Contains("[TenantId] = @", header, StringComparison.Ordinal);
        Assert.Contains("[ManagerId] = @", header, StringComparison.Ordinal);
        Assert.Contains("[ReportId] = @", header, StringComparison.Ordinal);
        Assert.Contains("COUNT(*)", header, StringComparison.Ordinal);
        Assert.Equal(2, CountOf("UNION ALL", agenda));
        Assert.Equal(3, CountOf("UNION ALL", actions));
    }

    private static int CountOf(string part, string text) => text.Split(part).Length - 1;

    private static OneOnOneDb Create(DatabaseProvider provider)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["ConnectionStrings:OneOnOne"] = provider switch
                {
                    DatabaseProvider.Sqlite => "Data Source=:memory:",
                    DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=unused",
                    _ => "Server=127.0.0.1;Database=unused",
                },
            })
            .Build();
        services.AddOneOnOneData(configuration, new OneOnOne.Api.Hosting.AppPaths(configuration, new TestEnvironment()));
        return services.BuildServiceProvider().CreateScope().ServiceProvider.GetRequiredService<OneOnOneDb>();
    }

    private sealed class TestEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "OneOnOne.Api";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
