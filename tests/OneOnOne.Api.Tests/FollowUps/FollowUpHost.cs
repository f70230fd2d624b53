using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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

    public FollowUpHost(FakeTimeProvider clock, Dictionary<string, string?> settings, string? dataFolder = null, TestTokens? tokens = null, string? postgresDatabase = null)
        : base(dataFolder ?? Directory.CreateTempSubdirectory("oneonone-followups-").FullName, tokens ?? new TestTokens(TestTokens.NewKey()))
    {
        Clock = clock;
        this.settings = settings;
        KeepDataFolder = true;
        Provider = postgresDatabase is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;
        connectionString = postgresDatabase is null
            ? $"Data Source={Path.Combine(DataFolder, "oneonone.db")};Pooling=False"
            : PostgresServer.ConnectionStringFor(postgresDatabase);
    }

    public FakeTimeProvider Clock { get; }

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
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public string PickupFolder => Path.Combine(DataFolder, "mail-pickup");

    public async Task SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FollowUpSweep>().RunAsync(TestContext.Current.CancellationToken);
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

            Assert.True(DateTime.UtcNow < until, $"{busy} follow-ups still busy");
            await Task.Delay(100);
        }
    }

    public Task<List<FollowUp>> RowsAsync() =>
        WithDbAsync(db => db.FollowUps.IgnoreQueryFilters().AsNoTracking().ToListAsync());

    /// <summary>Meetings of a series at the given times, written straight into the database.</summary>
    public Task<int> AddMeetingsAsync(Guid seriesId, IEnumerable<DateTime> startsUtc) => WithDbAsync(async db =>
    {
        var tenant = await db.Series.IgnoreQueryFilters().Where(s => s.Id == seriesId).Select(s => s.TenantId).SingleAsync();
        db.Meetings.AddRange(startsUtc.Select(start => new Meeting { TenantId = tenant, SeriesId = seriesId, StartUtc = start, EndUtc = start.AddMinutes(30), Subject = "1:1" }));
        return await db.SaveChangesAsync();
    });

    /// <summary>Sweeps, waits, and moves the clock on until every follow-up is sent, failed or cancelled.</summary>
    public async Task RunUntilDoneAsync(int rounds = 40, TimeSpan? step = null)
    {
        for (var round = 0; round < rounds; round++)
        {
            await SweepAsync();
            await WaitUntilSettledAsync();
            if ((await RowsAsync()).All(r => r.Status is FollowUpStatus.Sent or FollowUpStatus.Failed or FollowUpStatus.Cancelled))
            {
                return;
            }

            Clock.Advance(step ?? TimeSpan.FromMinutes(2));
        }

        Assert.Fail("Follow-ups were still open after every round.");
    }
}
