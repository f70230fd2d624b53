using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Data;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Tests.Infrastructure;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OneOnOne.Benchmarks;

/// <summary>
/// End-to-end follow-up throughput: N due recaps in the outbox, one sweep per instance, the real Hangfire server
/// and a real transport (the pickup folder or an SMTP server on loopback), timed until every row is sent.
/// A run, not a BenchmarkDotNet benchmark: one batch of thousands of mails is the unit, and it is measured once
/// per configuration in the same process, the single-instance run as the baseline of the two-instance run.
/// </summary>
internal static class FollowUpThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = BenchmarkArgs.Int(args, "--count", 10_000);
        var postgres = BenchmarkArgs.String(args, "--postgres") ?? Environment.GetEnvironmentVariable("ONEONONE_TEST_POSTGRES");
        Console.WriteLine($"Follow-up throughput, {count:N0} due recaps, {Environment.ProcessorCount} cores");
        // CPU per follow-up is the whole process's (the SMTP server included): steadier than the rate on a shared machine.
        Console.WriteLine("| database | instances | transport | seconds | follow-ups/s | CPU ms per follow-up |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        // A server sends follow-ups all its life: the first measured run should not also pay for compiling the code
        // (the JIT's second tier and EF's queries), which made whichever run came first look up to 1.5x slower.
        await MeasureAsync(Math.Min(count, 500), "Pickup", database: null, instances: 1, report: false);
        if (!args.Contains("--postgres-only"))
        {
            await MeasureAsync(count, "Pickup", database: null, instances: 1);
            await MeasureAsync(count, "Smtp", database: null, instances: 1);
        }

        if (postgres is null)
        {
            Console.WriteLine("(no PostgreSQL: set ONEONONE_TEST_POSTGRES or --postgres to measure one and two instances on it)");
            return 0;
        }

        await MeasureAsync(count, "Smtp", postgres, instances: 1);
        await MeasureAsync(count, "Smtp", postgres, instances: 2);
        return 0;
    }

    private static async Task MeasureAsync(int count, string transport, string? database, int instances, bool report = true)
    {
        await using var smtp = new SmtpSink();
        var databaseName = $"oneonone_bench_{Guid.NewGuid():N}";
        var hosts = Enumerable.Range(0, instances).Select(_ => new Host(transport, smtp.Port, database is null ? null : BenchmarkHost.WithDatabase(database, databaseName))).ToList();
        try
        {
            _ = hosts[0].Services;
            await SeedAsync(hosts[0], count);
            foreach (var host in hosts.Skip(1))
            {
                _ = host.Services;
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(hosts.Select(h => h.SweepAsync()));
            while (await hosts[0].SentAsync() < count)
            {
                await Task.Delay(100);
            }

            clock.Stop();
            var seconds = clock.Elapsed.TotalSeconds;
            var cpuPerFollowUp = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / count;
            if (report)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(database is null ? "SQLite" : "PostgreSQL")} | {instances} | {transport} | {seconds:F1} | {count / seconds:F0} | {cpuPerFollowUp:F2} |"));
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            if (database is not null)
            {
                await BenchmarkHost.DropDatabaseAsync(database, databaseName);
            }
        }
    }

    /// <summary>count/2 meetings that ended an hour ago, over 100 pairs: each owes both people a recap.</summary>
    private static async Task SeedAsync(Host host, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
        const string tenant = "benchmark-tenant";
        var pairs = Enumerable.Range(0, 100).Select(i =>
        {
            var manager = new Person { TenantId = tenant, ObjectId = Guid.NewGuid().ToString(), DisplayName = $"Manager {i}" };
            manager.SetEmail($"manager{i}@bench.test");
            var report = new Person { TenantId = tenant, ObjectId = Guid.NewGuid().ToString(), DisplayName = $"Report {i}", Language = i % 2 == 0 ? "nl" : "en" };
            report.SetEmail($"report{i}@bench.test");
            var series = new Series { TenantId = tenant };
            series.SetParticipants(manager.Id, report.Id);
            db.People.AddRange(manager, report);
            db.Series.Add(series);
            // Read from the calendar "tomorrow" as far as the jobs can tell: this run measures sending, not Graph
            // (that is the `calendar` run's), so every confirmation before a send is a fresh one.
            db.LinkedEvents.Add(new LinkedEvent
            {
                TenantId = tenant,
                SeriesId = series.Id,
                ICalUId = $"bench-{i}",
                OrganizerId = manager.Id,
                IsRecurring = true,
                CheckedUtc = DateTime.UtcNow.AddDays(1),
            });
            return series;
        }).ToList();
        var links = db.ChangeTracker.Entries<LinkedEvent>().ToDictionary(e => e.Entity.SeriesId, e => e.Entity.Id);
        var ended = DateTime.UtcNow.AddHours(-1);
        for (var i = 0; i < count / 2; i++)
        {
            var start = ended.AddMinutes(-30).AddSeconds(-i);
            var series = pairs[i % pairs.Count].Id;
            db.Meetings.Add(new Meeting { TenantId = tenant, SeriesId = series, StartUtc = start, EndUtc = start.AddMinutes(30), Subject = "1:1", LinkedEventId = links[series] });
        }

        await db.SaveChangesAsync();
    }



    private sealed class Host(string transport, int smtpPort, string? postgres) : BenchmarkHost(postgres, new Dictionary<string, string>
    {
        ["FollowUps:RecurringSweep"] = "false",
        ["Mail:Transport"] = transport,
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Mail:SmtpSecurity"] = "None",
    })
    {
        public async Task SweepAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FollowUpSweep>().RunAsync(CancellationToken.None);
        }

        public async Task<int> SentAsync()
        {
            await using var scope = Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<OneOnOneDb>().FollowUps.IgnoreQueryFilters().CountAsync(f => f.Status == FollowUpStatus.Sent);
        }
    }

    /// <summary>An SMTP server on loopback that accepts every mail and keeps nothing.</summary>
    private sealed class SmtpSink : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task running;

        public SmtpSink()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            }

            var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
            var services = new SmtpServer.ComponentModel.ServiceProvider();
            services.Add(new Accept());
            services.Add(new PromptSmtpEndpoints());
            running = new SmtpServer.SmtpServer(options, services).StartAsync(stop.Token);
        }

        public int Port { get; }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
            }

            stop.Dispose();
        }

        private sealed class Accept : MessageStore
        {
            public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
                Task.FromResult(SmtpResponse.Ok);
        }
    }
}
