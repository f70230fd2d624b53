using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Live;

namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>
/// Hosts the real API (Program) on a real database with its own data folder and a test signing key, in
/// Development authentication mode. One instance is one database.
/// </summary>
public abstract class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    protected ApiFactory()
        : this(Directory.CreateTempSubdirectory("oneonone-test-").FullName, new TestTokens(TestTokens.NewKey()))
    {
    }

    /// <summary>A host on an existing data folder: a restart of an earlier host, or a second instance beside it.</summary>
    protected ApiFactory(string dataFolder, TestTokens tokens)
    {
        DataFolder = dataFolder;
        Tokens = tokens;
        File.WriteAllText(Path.Combine(DataFolder, DevelopmentTokens.KeyFileName), Convert.ToBase64String(Tokens.Key));
    }

    /// <summary>Keep the data folder on dispose (a restarted host will use it).</summary>
    protected bool KeepDataFolder { get; init; }

    public string DataFolder { get; }
    public TestTokens Tokens { get; }

    public CommandCounter Commands { get; } = new();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public virtual string? SkipReason => null;

    protected abstract string ConnectionString { get; }

    protected virtual IDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("App:DataFolder", DataFolder);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:OneOnOne", ConnectionString);
        builder.UseSetting("Authentication:Mode", nameof(AuthenticationMode.Development));
        // Hangfire's JobStorage.Current is process-wide: only the follow-up tests (never in parallel) run it.
        builder.UseSetting("FollowUps:Enabled", "false");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(Commands));
    }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>The demo directory and calendar the app reads in Development mode: tests put people and events there.</summary>
    public DemoWorkplace Workplace => Services.GetRequiredService<DemoWorkplace>();

    /// <summary>Puts the person in the demo directory, as Entra ID would have them.</summary>
    public TestPerson InDirectory(TestPerson person)
    {
        Workplace.AddPerson(person.TenantId, person.ObjectId, person.Name, person.Email);
        return person;
    }

    public HttpClient ClientFor(TestPerson? person, string? language = null)
    {
        var client = CreateClient();
        if (person is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(person));
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>A connection to the live channel as the person, through the test server (not started).</summary>
    public HubConnection LiveConnectionFor(TestPerson person) => new HubConnectionBuilder()
        .WithUrl(new Uri(Server.BaseAddress, MeetingHub.Path.TrimStart('/')), options =>
        {
            options.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            options.AccessTokenProvider = () => Task.FromResult<string?>(Tokens.For(person));
        })
        .Build();

    /// <summary>The app's own database in a fresh scope with no caller (its filters then show nothing: use IgnoreQueryFilters).</summary>
    public async Task<T> WithDbAsync<T>(Func<OneOnOneDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OneOnOneDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
        if (KeepDataFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;
}

public sealed class SqliteApiFactory : ApiFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "oneonone.db")};Pooling=False";
}

public sealed class PostgresApiFactory : ApiFactory
{
    private readonly string databaseName = $"oneonone_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    public override string? SkipReason => PostgresServer.SkipReason;

    protected override string ConnectionString => PostgresServer.ConnectionStringFor(databaseName);

    protected override Task DropDatabaseAsync() => PostgresServer.DropDatabaseAsync(databaseName);
}
