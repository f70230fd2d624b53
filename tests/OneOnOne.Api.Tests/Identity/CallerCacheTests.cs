using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Identity;

/// <summary>
/// Each instance keeps the callers it has read (Identity/CallerCache). Two instances on one database, each on a clock
/// the test moves: what a person changes about themselves reaches the other instance within the cache's lifetime, and
/// nothing the cache holds keeps access alive: an erased person or a swapped role counts on every instance at once.
/// </summary>
public abstract class CallerCacheTests(DatabaseProvider provider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed class Instance : ApiFactory
    {
        public Instance(string dataFolder, TestTokens tokens, DatabaseProvider provider, string connectionString)
            : base(dataFolder, tokens)
        {
            Provider = provider;
            ConnectionString = connectionString;
            // Both instances share it; the test deletes nothing the other still uses.
            KeepDataFolder = true;
        }

        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public override DatabaseProvider Provider { get; }

        protected override string ConnectionString { get; }

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Identity:CallerCacheLifetime"] = Lifetime.ToString(),
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }

    /// <summary>Two instances on one fresh database; disposing them drops it.</summary>
    private sealed class TwoInstances : IAsyncDisposable
    {
        private readonly string? database;

        public TwoInstances(DatabaseProvider provider)
        {
            var folder = Directory.CreateTempSubdirectory("oneonone-callers-").FullName;
            var tokens = new TestTokens(TestTokens.NewKey());
            database = provider == DatabaseProvider.PostgreSql ? $"oneonone_test_{Guid.NewGuid():N}" : null;
            var connection = database is null ? $"Data Source={Path.Combine(folder, "oneonone.db")};Pooling=False" : PostgresServer.ConnectionStringFor(database);
            One = new Instance(folder, tokens, provider, connection);
            _ = One.Server;
            Two = new Instance(folder, tokens, provider, connection);
            _ = Two.Server;
        }

        public Instance One { get; }

        public Instance Two { get; }

        public async ValueTask DisposeAsync()
        {
            await One.DisposeAsync();
            await Two.DisposeAsync();
            if (database is not null)
            {
                await PostgresServer.DropDatabaseAsync(database);
                return;
            }

            try
            {
                Directory.Delete(One.DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    private TwoInstances Start()
    {
        if (provider == DatabaseProvider.PostgreSql && PostgresServer.SkipReason is { } reason)
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", reason);
            Assert.Fail(reason);
        }

        return new TwoInstances(provider);
    }

    [Fact]
    public async Task What_a_person_changes_on_one_instance_reaches_the_other_within_the_cache_lifetime()
    {
        await using var instances = Start();
        var (one, two) = (instances.One, instances.Two);
        var pair = await OneOnOnePair.CreateAsync(one);
        var onTwo = two.ClientFor(pair.Report);
        var before = await onTwo.GetAsync<MeResponse>("/api/me");
        Assert.Null(before.PreferredLanguage);

        await pair.ReportClient.PutAsync<MeResponse>("/api/me/language", new { language = "nl" });
        await pair.ReportClient.PutAsync<MeResponse>("/api/me/time-zone", new { timeZone = "Europe/Amsterdam" });

        // The instance that saved the change dropped its copy.
        Assert.Equal("nl", (await pair.ReportClient.GetAsync<MeResponse>("/api/me")).PreferredLanguage);
        // The other still answers from its copy, which is what the lifetime bounds...
        Assert.Null((await onTwo.GetAsync<MeResponse>("/api/me")).PreferredLanguage);
        // ...and once it has passed, it reads the person again.
        two.Clock.Advance(Lifetime + TimeSpan.FromSeconds(1));
        var after = await onTwo.GetAsync<MeResponse>("/api/me");
        Assert.Equal(("nl", "nl", "Europe/Amsterdam"), (after.PreferredLanguage, after.Language, after.TimeZone));

        // A token with another name (renamed in the directory) is not answered from the copy: the row is refreshed.
        var renamed = pair.Report with { Name = "Rik Renamed" };
        Assert.Equal("Rik Renamed", (await two.ClientFor(renamed).GetAsync<MeResponse>("/api/me")).DisplayName);
    }

    [Fact]
    public async Task An_erased_person_loses_access_at_once_on_every_instance()
    {
        await using var instances = Start();
        var (one, two) = (instances.One, instances.Two);
        var pair = await OneOnOnePair.CreateAsync(one);
        var meetingId = pair.Meeting.MeetingId;
        var onTwo = two.ClientFor(pair.Report);
        Assert.Equal(ParticipantRole.Report, (await onTwo.GetAsync<PaneResponse>($"/api/meetings/{meetingId}/pane")).Meeting.MyRole);
        Assert.NotEmpty(await onTwo.GetAsync<UpcomingMeetingResponse[]>("/api/meetings/upcoming"));
        await using var hub = two.LiveConnectionFor(pair.Report);
        await hub.StartAsync(Cancel);

        Assert.Equal(HttpStatusCode.NoContent, (await pair.ReportClient.DeleteAsync("/api/me", Cancel)).StatusCode);

        // Instance two still knows the token's person from a moment ago; the database no longer lets them in.
        Assert.Equal(HttpStatusCode.NotFound, (await onTwo.GetAsync($"/api/meetings/{meetingId}/pane", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await onTwo.GetAsync($"/api/meetings/{meetingId}/notes", Cancel)).StatusCode);
        Assert.Empty(await onTwo.GetAsync<UpcomingMeetingResponse[]>("/api/meetings/upcoming"));
        Assert.False(await hub.InvokeAsync<bool>("Join", meetingId, Cancel));
        var write = await onTwo.PostAsJsonAsync($"/api/meetings/{meetingId}/agenda", new { text = "After the erasure" }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);

        // The manager keeps the 1-on-1 on both instances.
        Assert.Equal(HttpStatusCode.OK, (await two.ClientFor(pair.Manager).GetAsync($"/api/meetings/{meetingId}/pane", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_role_swap_on_one_instance_counts_on_the_other_at_once()
    {
        await using var instances = Start();
        var (one, two) = (instances.One, instances.Two);
        var pair = await OneOnOnePair.CreateAsync(one);
        var onTwo = two.ClientFor(pair.Report);
        var pane = await onTwo.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");
        Assert.Equal(ParticipantRole.Report, pane.Meeting.MyRole);

        await pair.ReportClient.PostAsync<SeriesResponse>($"/api/series/{pair.Meeting.SeriesId}/swap-roles", new { version = pane.Meeting.SeriesVersion });

        Assert.Equal(ParticipantRole.Manager, (await onTwo.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane")).Meeting.MyRole);
    }
}

public sealed class SqliteCallerCacheTests() : CallerCacheTests(DatabaseProvider.Sqlite);

public sealed class PostgresCallerCacheTests() : CallerCacheTests(DatabaseProvider.PostgreSql);
