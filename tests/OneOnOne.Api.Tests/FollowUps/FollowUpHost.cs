using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.FollowUps;

/// <summary>Hangfire's JobStorage.Current is process-wide: hosts that run a Hangfire server take turns.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireCollection
{
    public const string Name = "Hangfire";
}

/// <summary>
/// The real app with its Hangfire server running, on a clock the test moves. The test runs the sweep itself
/// (the every-minute recurring job is off) and waits for the jobs it hands out.
/// </summary>
public sealed class FollowUpHost : ApiFactory
{
    private readonly Dictionary<string, string?> settings;
    private readonly string connectionString;

    public FollowUpHost(
        FakeTimeProvider clock, Dictionary<string, string?> settings, string? dataFolder = null, TestTokens? tokens = null, string? postgresDatabase = null,
        string? postgresConnectionString = null)
        : base(dataFolder ?? Directory.CreateTempSubdirectory("oneonone-followups-").FullName, tokens ?? new TestTokens(TestTokens.NewKey()))
    {
        Clock = clock;
        this.settings = settings;
        KeepDataFolder = true;
        Provider = postgresDatabase is null && postgresConnectionString is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
        connectionString = postgresConnectionString
            ?? (postgresDatabase is null ? $"Data Source={Path.Combine(DataFolder, "oneonone.db")};Pooling=False" : PostgresServer.ConnectionStringFor(postgresDatabase));
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>More services for this host (a Graph token source, a database that fails on cue).</summary>
    public Action<IServiceCollection>? MoreServices { get; init; }

    /// <summary>While true, every read of the calendar fails as an outage of Graph would.</summary>
    public bool CalendarDown { get; set; }

    /// <summary>The demo calendar, unreadable while the test says it is down.</summary>
    private sealed class OutageCalendar(DemoWorkplace calendar, Func<bool> down) : ICalendar
    {
        public Task<CalendarEvent?> GetEventAsync(CalendarOwner owner, string eventId, CancellationToken cancellationToken) =>
            down() ? throw Outage() : calendar.GetEventAsync(owner, eventId, cancellationToken);

        public Task<CalendarEvent?> FindByUidAsync(CalendarOwner owner, string iCalUId, CancellationToken cancellationToken) =>
            down() ? throw Outage() : calendar.FindByUidAsync(owner, iCalUId, cancellationToken);

        public Task<IReadOnlyList<CalendarEvent>?> GetOccurrencesAsync(CalendarOwner owner, string seriesMasterId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
            down() ? throw Outage() : calendar.GetOccurrencesAsync(owner, seriesMasterId, fromUtc, toUtc, cancellationToken);

        private static CalendarUnavailableException Outage() => new("The calendar answered 503 (a test's outage).");
    }

    public override DatabaseProvider Provider { get; }

    protected override string ConnectionString => connectionString;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(settings)
    {
        ["FollowUps:Enabled"] = "true",
        ["FollowUps:RecurringSweep"] = "false",
        ["Demo:Seed"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ICalendar>(provider => new OutageCalendar(provider.GetRequiredService<DemoWorkplace>(), () => CalendarDown));
            MoreServices?.Invoke(services);
        });
    }

    public string PickupFolder => Path.Combine(DataFolder, "mail-pickup");

    public async Task SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FollowUpSweep>().RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>One run of the calendar reconciliation, as its recurring job would.</summary>
    public async Task ReconcileAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CalendarSync>().RunAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits until no handed-out row is still waiting for or inside its job.</summary>
    public async Task WaitUntilSettledAsync(TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var busy = await WithDbAsync(db => db.FollowUps.IgnoreQueryFilters().CountAsync(f =>
                f.Status == FollowUpStatus.Sending || (f.Status == FollowUpStatus.Pending && f.EnqueuedUtc != null && f.DueUtc <= now)));
            if (busy == 0)
            {
                return;
            }

            if (DateTime.UtcNow >= until)
            {
                var rows = await RowsAsync();
                Assert.Fail($"{busy} follow-ups still busy: " + string.Join("; ", rows.Select(r => $"{r.Kind} {r.Status} due {r.DueUtc:O} enqueued {r.EnqueuedUtc:O} ({r.LastError})")));
            }

            await Task.Delay(100);
        }
    }

    public Task<List<FollowUp>> RowsAsync() =>
        WithDbAsync(db => db.FollowUps.IgnoreQueryFilters().AsNoTracking().ToListAsync());

    /// <summary>
    /// Meetings of a series at the given times: each a single event in the demo calendar (organized by the series'
    /// manager), linked and written straight into the database, as if the calendar had just been read.
    /// </summary>
    public Task<int> AddMeetingsAsync(Guid seriesId, IEnumerable<DateTime> startsUtc) => WithDbAsync(async db =>
    {
        var series = await db.Series.IgnoreQueryFilters().Include(s => s.Manager).Include(s => s.Report).SingleAsync(s => s.Id == seriesId);
        var organizer = new CalendarAttendee(series.Manager.Email, series.Manager.DisplayName);
        foreach (var start in startsUtc)
        {
            var eventId = Workplace.AddEvent(series.TenantId, organizer, [new CalendarAttendee(series.Report.Email, series.Report.DisplayName)], start, TimeSpan.FromMinutes(30), "1:1", repeatEveryDays: null);
            var link = new LinkedEvent
            {
                TenantId = series.TenantId,
                SeriesId = seriesId,
                ICalUId = eventId,
                OrganizerId = series.ManagerId,
                OrganizerEventId = eventId,
                CheckedUtc = Clock.GetUtcNow().UtcDateTime,
            };
            db.LinkedEvents.Add(link);
            db.Meetings.Add(new Meeting { TenantId = series.TenantId, SeriesId = seriesId, StartUtc = start, EndUtc = start.AddMinutes(30), Subject = "1:1", LinkedEventId = link.Id });
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>Sweeps, waits, and moves the clock on until every follow-up is sent, failed or cancelled.</summary>
    public async Task RunUntilDoneAsync(int rounds = 40, TimeSpan? step = null)
    {
        for (var round = 0; round < rounds; round++)
        {
            await SweepAsync();
            await WaitUntilSettledAsync();
            if ((await RowsAsync()).All(r => r.Status is FollowUpStatus.Sent or FollowUpStatus.Failed or FollowUpStatus.Cancelled or FollowUpStatus.OnHold))
            {
                return;
            }

            Clock.Advance(step ?? TimeSpan.FromMinutes(2));
        }

        Assert.Fail("Follow-ups were still open after every round.");
    }
}
