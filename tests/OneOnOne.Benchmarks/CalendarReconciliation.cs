using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.Graph;

namespace OneOnOne.Benchmarks;

/// <summary>
/// The reconciliation of N followed weekly 1-on-1s against a local Graph (a Kestrel server on loopback that answers the
/// SDK's instances requests with five weekly occurrences), through the real Graph SDK and the real database: the first
/// run creates the coming weeks' meetings, the second finds nothing changed (the steady state). Counts the requests,
/// the time, and the busiest mailbox's requests per ten minutes against Exchange's limit of 10,000.
/// </summary>
internal static class CalendarReconciliation
{
    private const int ReportsPerManager = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var series = BenchmarkArgs.Int(args, "--series", 5_000);
        var latency = TimeSpan.FromMilliseconds(BenchmarkArgs.Int(args, "--latency", 0));
        var postgres = Environment.GetEnvironmentVariable("ONEONONE_TEST_POSTGRES");
        Console.WriteLine($"Calendar reconciliation, {series:N0} weekly 1-on-1s, {series / ReportsPerManager:N0} organizers, Graph answering after {latency.TotalMilliseconds} ms, {Environment.ProcessorCount} cores");
        Console.WriteLine("| database | organizers at a time | run | Graph requests | seconds | requests/s | busiest mailbox, requests per 10 min | meetings |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var parallelism in new[] { 1, 4 })
        {
            await MeasureAsync(series, postgres: null, latency, parallelism);
        }

        if (postgres is not null)
        {
            await MeasureAsync(series, postgres, latency, parallelism: 4);
        }

        return 0;
    }


    private static async Task MeasureAsync(int count, string? postgres, TimeSpan latency, int parallelism)
    {
        await using var graph = await GraphStub.StartAsync(latency);
        var databaseName = $"oneonone_bench_{Guid.NewGuid():N}";
        await using var host = new Host(graph.BaseUrl, postgres is null ? null : BenchmarkHost.WithDatabase(postgres, databaseName), parallelism);
        try
        {
            await SeedAsync(host, count);
            foreach (var run in new[] { "first (creates meetings)", "steady (nothing changed)" })
            {
                await host.WithDbAsync(db => db.LinkedEvents.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(l => l.CheckedUtc, (DateTime?)null)));
                graph.Requests.Clear();
                var clock = Stopwatch.StartNew();
                await host.ReconcileAsync();
                clock.Stop();
                var requests = graph.Requests.ToList();
                var busiest = requests.GroupBy(r => r.Mailbox).Max(g => g.Count()) * Math.Max(1, 600 / clock.Elapsed.TotalSeconds);
                var meetings = await host.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().CountAsync());
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(postgres is null ? "SQLite" : "PostgreSQL")} | {parallelism} | {run} | {requests.Count:N0} | {clock.Elapsed.TotalSeconds:F1} | {requests.Count / clock.Elapsed.TotalSeconds:F0} | {busiest:F0} | {meetings:N0} |"));
            }
        }
        finally
        {
            if (postgres is not null)
            {
                await BenchmarkHost.DropDatabaseAsync(postgres, databaseName);
            }
        }
    }

    /// <summary>Managers with eight reports each, a weekly 1-on-1 per pair organized by the manager, read from the calendar never.</summary>
    private static Task SeedAsync(Host host, int count) => host.WithDbAsync(async db =>
    {
        const string tenant = "benchmark-tenant";
        Person? manager = null;
        for (var i = 0; i < count; i++)
        {
            if (i % ReportsPerManager == 0)
            {
                manager = Person(tenant, $"manager-{i / ReportsPerManager}");
                db.People.Add(manager);
            }

            var report = Person(tenant, $"report-{i}");
            db.People.Add(report);
            var series = new Series { TenantId = tenant };
            series.SetParticipants(manager!.Id, report.Id);
            db.Series.Add(series);
            db.LinkedEvents.Add(new LinkedEvent
            {
                TenantId = tenant,
                SeriesId = series.Id,
                ICalUId = $"uid-{i}",
                OrganizerId = manager.Id,
                OrganizerEventId = $"master-{i}",
                IsRecurring = true,
            });
        }

        return await db.SaveChangesAsync();
    });

    private static Person Person(string tenant, string objectId)
    {
        // Checked in the directory just now: this run measures the calendar.
        var person = new Person { TenantId = tenant, ObjectId = objectId, DisplayName = objectId, DirectoryCheckedUtc = DateTime.UtcNow };
        person.SetEmail($"{objectId}@bench.test");
        return person;
    }

    private sealed class Host(string graphBaseUrl, string? postgres, int parallelism) : BenchmarkHost(
        postgres,
        new Dictionary<string, string>
        {
            ["FollowUps:Enabled"] = "false",
            ["Calendar:Source"] = "Graph",
            ["Graph:BaseUrl"] = graphBaseUrl,
            ["Calendar:ReconcileParallelism"] = parallelism.ToString(CultureInfo.InvariantCulture),
        },
        services => services.AddScoped<IGraphTokenSource, StaticTokens>())
    {
        public async Task ReconcileAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CalendarSync>().RunAsync(CancellationToken.None);
        }
    }

    private sealed class StaticTokens : IGraphTokenSource
    {
        public bool IsAvailable => true;

        public Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken) => Task.FromResult("bench-token");

        public Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken) => Task.FromResult("bench-token");
    }

    /// <summary>Graph's instances of <c>master-{i}</c>: five weekly occurrences from tomorrow, between manager and report i.</summary>
    private sealed class GraphStub : IAsyncDisposable
    {
        private readonly WebApplication app;

        private GraphStub(WebApplication app) => this.app = app;

        public sealed record Request(string Mailbox);

        public ConcurrentQueue<Request> Requests { get; } = new();

        public string BaseUrl { get; private set; } = "";

        public static async Task<GraphStub> StartAsync(TimeSpan latency)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var stub = new GraphStub(app);
            var first = DateTime.UtcNow.Date.AddDays(1).AddHours(9);
            app.MapGet("/v1.0/users/{mailbox}/events/{master}/instances", async (string mailbox, string master) =>
            {
                stub.Requests.Enqueue(new Request(mailbox));
                if (latency > TimeSpan.Zero)
                {
                    await Task.Delay(latency);
                }

                var i = int.Parse(master["master-".Length..], CultureInfo.InvariantCulture);
                var organizer = new { emailAddress = new { name = mailbox, address = $"{mailbox}@bench.test" } };
                var report = new { type = "required", emailAddress = new { name = $"report-{i}", address = $"report-{i}@bench.test" } };
                return Results.Json(new
                {
                    value = Enumerable.Range(0, 5).Select(week => first.AddDays(7 * week).AddMinutes(i % 480)).Select(start => new
                    {
                        id = $"{master}-{start:yyyyMMdd}",
                        type = "occurrence",
                        seriesMasterId = master,
                        iCalUId = $"uid-{i}",
                        subject = "1:1",
                        isCancelled = false,
                        start = new { dateTime = start.ToString("yyyy-MM-ddTHH:mm:ss.0000000", CultureInfo.InvariantCulture), timeZone = "UTC" },
                        end = new { dateTime = start.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm:ss.0000000", CultureInfo.InvariantCulture), timeZone = "UTC" },
                        originalStart = start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                        organizer,
                        attendees = new object[] { report, new { type = "required", organizer.emailAddress } },
                    }),
                });
            });
            await app.StartAsync();
            stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v1.0";
            return stub;
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
