using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.Graph;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Calendar;

/// <summary>
/// Resolve and the reconciliation through the real Graph SDK against <see cref="GraphWorld"/>: the test checks what the
/// SDK sends (paths, tokens, headers, query) and how faults end (retried, a problem for the pane, nothing stored or sent).
/// </summary>
public abstract class GraphCalendarTests(GraphCalendarTests.Factory api) : ProviderTests(api)
{
    private const string Manager = "0b8e7c2e-0000-4000-8000-00000000a001";
    private const string Report = "0b8e7c2e-0000-4000-8000-00000000a002";
    private const string Uid = "040000008200E00074C5B7101A82E00800000000SERIES";
    private static readonly DateTime First = DateTime.UtcNow.Date.AddDays(1).AddHours(9);

    /// <summary>The API with Calendar:Source Graph at the world, tokens as Entra ID would hand them out.</summary>
    public abstract class Factory(DatabaseProvider provider) : ApiFactory
    {
        private readonly string database = $"oneonone_test_{Guid.NewGuid():N}";

        public GraphWorld Graph { get; private set; } = null!;

        public override DatabaseProvider Provider => provider;

        public override string? SkipReason => provider == DatabaseProvider.PostgreSql ? PostgresServer.SkipReason : null;

        protected override string ConnectionString => provider == DatabaseProvider.PostgreSql
            ? PostgresServer.ConnectionStringFor(database)
            : $"Data Source={Path.Combine(DataFolder, "oneonone.db")};Pooling=False";

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Calendar:Source"] = "Graph",
            ["Calendar:RequestTimeout"] = "00:00:03",
            ["Graph:BaseUrl"] = Graph.BaseUrl,
            ["App:PublicBaseUrl"] = "https://oneonone.example.test",
        };

        public override async ValueTask InitializeAsync() => Graph = await GraphWorld.StartAsync();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IGraphTokenSource, WorldTokens>());
        }

        protected override Task DropDatabaseAsync() => provider == DatabaseProvider.PostgreSql ? PostgresServer.DropDatabaseAsync(database) : Task.CompletedTask;

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            await Graph.DisposeAsync();
        }
    }

    private sealed class WorldTokens : IGraphTokenSource
    {
        public bool IsAvailable => true;

        public Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken) =>
            Task.FromResult(scopes.SequenceEqual([GraphCalendar.DelegatedScope]) ? GraphWorld.DelegatedToken : "wrong-scopes");

        public Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken) => Task.FromResult(GraphWorld.ApplicationToken);
    }

    private GraphWorld Graph => ((Factory)Api).Graph;

    /// <summary>
    /// A tenant of two people and a weekly 1-on-1 the manager organizes: in the manager's mailbox under one set of ids,
    /// in the report's under another, with one iCalUId.
    /// </summary>
    private (TestPerson Manager, TestPerson Report) WeeklyOneOnOne(string tenant)
    {
        Graph.Events.Clear();
        Graph.Users.Clear();
        var manager = new TestPerson(tenant, Manager, "Mia Manager", "mia@contoso.test");
        var report = new TestPerson(tenant, Report, "Rik Report", "rik@contoso.test");
        Graph.AddUser(Manager, manager.Name, manager.Email);
        Graph.AddUser(Report, report.Name, report.Email);
        foreach (var (owner, prefix) in new[] { (Manager, "MGR"), (Report, "RPT") })
        {
            Graph.Events[(owner, $"{prefix}-master")] = GraphWorld.Event($"{prefix}-master", "seriesMaster", null, Uid, First, null, (manager.Name, manager.Email), (report.Name, report.Email));
            for (var week = 0; week < 3; week++)
            {
                var start = First.AddDays(7 * week);
                Graph.Events[(owner, $"{prefix}-occ-{week}")] = GraphWorld.Event($"{prefix}-occ-{week}", "occurrence", $"{prefix}-master", $"{Uid}-{week}", start, start, (manager.Name, manager.Email), (report.Name, report.Email));
            }
        }

        return (manager, report);
    }

    [Fact]
    public async Task Resolve_reads_the_event_as_the_caller_and_the_people_from_the_directory_and_the_organizer_calendar_as_the_app()
    {
        var tenant = Guid.NewGuid().ToString();
        var (_, report) = WeeklyOneOnOne(tenant);
        Graph.Stub.Requests.Clear();

        var resolved = await Api.ClientFor(report).PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", new { eventId = "RPT-occ-0" });
        var duringResolve = Graph.Stub.Requests.ToList();

        // The manager moves the second occurrence in Outlook; nobody opens the pane; the reconciliation reads her calendar.
        var moved = First.AddDays(8).AddHours(3);
        Graph.Events[(Manager, "MGR-occ-1")] = GraphWorld.Event("MGR-occ-1", "exception", "MGR-master", $"{Uid}-1", moved, First.AddDays(7), ("Mia Manager", "mia@contoso.test"), ("Rik Report", "rik@contoso.test"));
        Graph.Stub.Requests.Clear();
        await ReconcileAsync(resolved.SeriesId);
        var duringReconcile = Graph.Stub.Requests.ToList();
        var meetings = await Api.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().Where(m => m.SeriesId == resolved.SeriesId).OrderBy(m => m.OriginalStartUtc).ToListAsync(Cancel));

        Assert.Equal(ParticipantRole.Report, resolved.Role);
        var opened = Assert.Single(duringResolve, r => r.Path.StartsWith($"/v1.0/users/{Report}/events/RPT-occ-0?", StringComparison.Ordinal));
        Assert.Equal($"Bearer {GraphWorld.DelegatedToken}", opened.Authorization);
        Assert.Equal("outlook.timezone=\"UTC\"", opened.Headers["Prefer"]);
        Assert.Contains("attendees", Uri.UnescapeDataString(opened.Path), StringComparison.Ordinal);
        Assert.Contains(duringResolve, r => r.Path.StartsWith($"/v1.0/users/{Report}/events/RPT-master/instances?", StringComparison.Ordinal)
            && r.Path.Contains("startDateTime=", StringComparison.Ordinal) && r.Authorization == $"Bearer {GraphWorld.DelegatedToken}");
        var lookups = duringResolve.Where(r => r.Path.StartsWith("/v1.0/users?", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lookups.Count);
        Assert.All(lookups, r =>
        {
            Assert.Equal($"Bearer {GraphWorld.ApplicationToken}", r.Authorization);
            Assert.Equal("eventual", r.Headers["ConsistencyLevel"]);
            Assert.Contains("$count=true", Uri.UnescapeDataString(r.Path), StringComparison.Ordinal);
            Assert.Contains("proxyAddresses/any(p:p eq 'smtp:", Uri.UnescapeDataString(r.Path), StringComparison.Ordinal);
        });
        Assert.DoesNotContain(duringResolve, r => r.Path.Contains(Manager + "/events", StringComparison.Ordinal));

        Assert.All(duringReconcile, r => Assert.Equal($"Bearer {GraphWorld.ApplicationToken}", r.Authorization));
        Assert.Contains(duringReconcile, r => Uri.UnescapeDataString(r.Path).StartsWith($"/v1.0/users/{Manager}/events?$filter=iCalUId eq '{Uid}'", StringComparison.Ordinal));
        Assert.Contains(duringReconcile, r => r.Path.StartsWith($"/v1.0/users/{Manager}/events/MGR-master/instances?", StringComparison.Ordinal));
        Assert.Equal(3, meetings.Count);
        Assert.Equal(moved, meetings[1].StartUtc);
    }

    [Fact]
    public async Task Throttling_is_waited_out_and_answered()
    {
        var tenant = Guid.NewGuid().ToString();
        var (_, report) = WeeklyOneOnOne(tenant);
        var throttled = 0;
        Graph.Fault = r => r.Path.StartsWith($"/v1.0/users/{Report}/events/RPT-occ-0", StringComparison.Ordinal) && Interlocked.Increment(ref throttled) == 1
            ? GraphWorld.Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", retryAfterSeconds: 1)
            : null;
        Graph.Stub.Requests.Clear();

        var resolved = await Api.ClientFor(report).PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", new { eventId = "RPT-occ-0" });

        Graph.Fault = _ => null;
        Assert.Equal(ParticipantRole.Report, resolved.Role);
        Assert.Equal(2, Graph.Stub.Requests.Count(r => r.Path.StartsWith($"/v1.0/users/{Report}/events/RPT-occ-0?", StringComparison.Ordinal)));
    }

    public static TheoryData<string> Outages => ["unavailable", "slow", "deleted"];

    [Theory]
    [MemberData(nameof(Outages))]
    public async Task A_calendar_that_cannot_be_read_is_a_problem_for_the_pane_and_stores_nothing(string outage)
    {
        var tenant = Guid.NewGuid().ToString();
        var (_, report) = WeeklyOneOnOne(tenant);
        Graph.Fault = r => !r.Path.Contains("/events", StringComparison.Ordinal) ? null : outage switch
        {
            "unavailable" => GraphWorld.Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", retryAfterSeconds: 0),
            "slow" => new SlowResult(TimeSpan.FromSeconds(10)),
            _ => GraphWorld.Error(StatusCodes.Status404NotFound, "ErrorItemNotFound"),
        };

        var response = await Api.ClientFor(report).SendJsonAsync(HttpMethod.Post, "/api/meetings/resolve", new { eventId = "RPT-occ-0" });

        Graph.Fault = _ => null;
        var problem = await response.ReadAsync<JsonElement>(outage == "deleted" ? HttpStatusCode.NotFound : HttpStatusCode.ServiceUnavailable);
        Assert.True(problem.TryGetProperty("title", out _));
        Assert.Equal(0, await Api.WithDbAsync(db => db.Series.IgnoreQueryFilters().CountAsync(s => s.TenantId == tenant, Cancel)));
    }

    [Fact]
    public async Task An_outage_during_reconciliation_changes_nothing_and_a_deleted_series_ends_it()
    {
        var tenant = Guid.NewGuid().ToString();
        var (_, report) = WeeklyOneOnOne(tenant);
        var resolved = await Api.ClientFor(report).PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", new { eventId = "RPT-occ-0" });
        var before = await SnapshotAsync(resolved.SeriesId);

        Graph.Fault = _ => GraphWorld.Error(StatusCodes.Status503ServiceUnavailable, "ServiceUnavailable", retryAfterSeconds: 0);
        await using (var scope = Api.Services.CreateAsyncScope())
        {
            await Assert.ThrowsAsync<CalendarUnavailableException>(() => scope.ServiceProvider.GetRequiredService<CalendarSync>()
                .ReconcileAsync(before.Link.Id, Cancel));
        }

        var duringOutage = await SnapshotAsync(resolved.SeriesId);
        Graph.Fault = _ => null;
        Graph.Events.TryRemove((Manager, "MGR-master"), out _);
        await ReconcileAsync(resolved.SeriesId);
        var afterDelete = await SnapshotAsync(resolved.SeriesId);

        Assert.Equal(before.Link.CheckedUtc, duringOutage.Link.CheckedUtc);
        Assert.Equal(before.Meetings, duringOutage.Meetings);
        Assert.Equal(LinkedEventState.Ended, afterDelete.Link.State);
        Assert.All(afterDelete.Meetings, m => Assert.Equal(MeetingStatus.Cancelled, m.Status));
    }

    [Fact]
    public async Task Subscriptions_are_made_per_organizer_renewed_before_they_expire_remade_when_gone_and_dropped_when_unused()
    {
        var tenant = Guid.NewGuid().ToString();
        var (_, report) = WeeklyOneOnOne(tenant);
        var resolved = await Api.ClientFor(report).PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", new { eventId = "RPT-occ-0" });
        Graph.Stub.Requests.Clear();

        await RenewSubscriptionsAsync();
        var first = await SubscriptionAsync(tenant);
        var made = Graph.Subscriptions[first!.SubscriptionId];
        // Other tests' organizers (other tenants in this database) get theirs in the same run.
        var creations = Graph.Stub.Requests.Where(r => r.Method == "POST" && r.Path == "/v1.0/subscriptions").ToList();

        await ExpireSoonAsync(tenant);
        await RenewSubscriptionsAsync();
        var renewed = await SubscriptionAsync(tenant);

        Graph.Subscriptions.TryRemove(renewed!.SubscriptionId, out _);
        await ExpireSoonAsync(tenant);
        await RenewSubscriptionsAsync();
        var remade = await SubscriptionAsync(tenant);
        var remadeAtGraph = Graph.Subscriptions.ContainsKey(remade!.SubscriptionId);

        Graph.Events.TryRemove((Manager, "MGR-master"), out _);
        await ReconcileAsync(resolved.SeriesId);
        await RenewSubscriptionsAsync();
        var dropped = await SubscriptionAsync(tenant);

        Assert.All(creations, r => Assert.Equal($"Bearer {GraphWorld.ApplicationToken}", r.Authorization));
        Assert.Equal($"users/{Manager}/events", made["resource"]!.GetValue<string>());
        Assert.Equal("https://oneonone.example.test/api/calendar/notifications", made["notificationUrl"]!.GetValue<string>());
        Assert.Equal("https://oneonone.example.test/api/calendar/notifications/lifecycle", made["lifecycleNotificationUrl"]!.GetValue<string>());
        Assert.Equal("created,updated,deleted", made["changeType"]!.GetValue<string>());
        Assert.Equal(CalendarSubscriptions.Hash(made["clientState"]!.GetValue<string>()), first.ClientStateHash);
        Assert.Equal(first.SubscriptionId, renewed.SubscriptionId);
        Assert.True(renewed.ExpiresUtc > DateTime.UtcNow.AddDays(2));
        Assert.Contains(Graph.Stub.Requests, r => r.Method == "PATCH" && r.Path == $"/v1.0/subscriptions/{first.SubscriptionId}");
        Assert.NotEqual(first.SubscriptionId, remade.SubscriptionId);
        Assert.True(remadeAtGraph);
        Assert.Null(dropped);
        Assert.Contains(Graph.Stub.Requests, r => r.Method == "DELETE" && r.Path == $"/v1.0/subscriptions/{remade.SubscriptionId}");
    }

    private async Task RenewSubscriptionsAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CalendarSubscriptions>().RenewAsync(Cancel);
    }

    private Task<CalendarSubscription?> SubscriptionAsync(string tenant) =>
        Api.WithDbAsync(db => db.CalendarSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.TenantId == tenant, Cancel));

    private Task<int> ExpireSoonAsync(string tenant) =>
        Api.WithDbAsync(db => db.CalendarSubscriptions.Where(s => s.TenantId == tenant)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresUtc, DateTime.UtcNow.AddHours(1)), Cancel));

    private sealed record Snapshot(LinkedEvent Link, List<(DateTime StartUtc, MeetingStatus Status)> Meetings);

    private Task<Snapshot> SnapshotAsync(Guid seriesId) => Api.WithDbAsync(async db => new Snapshot(
        await db.LinkedEvents.IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.SeriesId == seriesId, Cancel),
        (await db.Meetings.IgnoreQueryFilters().Where(m => m.SeriesId == seriesId).OrderBy(m => m.StartUtc).Select(m => new { m.StartUtc, m.Status }).ToListAsync(Cancel))
            .Select(m => (m.StartUtc, m.Status)).ToList()));

    private async Task ReconcileAsync(Guid seriesId)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var link = await scope.ServiceProvider.GetRequiredService<OneOnOneDb>().LinkedEvents.IgnoreQueryFilters().SingleAsync(l => l.SeriesId == seriesId, Cancel);
        await scope.ServiceProvider.GetRequiredService<CalendarSync>().ReconcileAsync(link.Id, Cancel);
    }

    private sealed class SlowResult(TimeSpan delay) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            await Task.Delay(delay, httpContext.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            await Results.Json(new { }).ExecuteAsync(httpContext);
        }
    }
}

public sealed class SqliteGraphCalendarFactory() : GraphCalendarTests.Factory(DatabaseProvider.Sqlite);

public sealed class PostgresGraphCalendarFactory() : GraphCalendarTests.Factory(DatabaseProvider.PostgreSql);

public sealed class SqliteGraphCalendarTests(SqliteGraphCalendarFactory api) : GraphCalendarTests(api), IClassFixture<SqliteGraphCalendarFactory>;

public sealed class PostgresGraphCalendarTests(PostgresGraphCalendarFactory api) : GraphCalendarTests(api), IClassFixture<PostgresGraphCalendarFactory>;
