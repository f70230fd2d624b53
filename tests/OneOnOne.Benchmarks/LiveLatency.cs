using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Live;

namespace OneOnOne.Benchmarks;

/// <summary>
/// The time from a write to the other pane hearing it: N 1-on-1s with both people's panes connected over WebSockets
/// (2N connections), writes at a fixed rate to random meetings by the manager, each timed until the report's
/// connection hears "changed" and until the report's pane has read itself again. The server runs as its own process
/// (the Release build, on SQLite), so its memory per connection is its own: resident memory after all panes joined,
/// minus before. With a Redis server (ONEONONE_TEST_REDIS or --redis) the same run on two instances sharing the
/// database and Redis: managers on one, reports on the other.
/// </summary>
internal static class LiveLatency
{
    private const string Tenant = "live-benchmark";

    public static async Task<int> RunAsync(string[] args)
    {
        var meetings = BenchmarkArgs.Int(args, "--meetings", 1_000);
        var writes = BenchmarkArgs.Int(args, "--writes", 2_000);
        var rate = BenchmarkArgs.Int(args, "--rate", 50);
        var redis = BenchmarkArgs.String(args, "--redis") ?? Environment.GetEnvironmentVariable("ONEONONE_TEST_REDIS");
        Console.WriteLine($"Live updates, {meetings:N0} meetings x 2 panes, {writes:N0} writes at {rate}/s, {Environment.ProcessorCount} cores");
        Console.WriteLine("| instances | connections | heard p50 ms | heard p99 ms | pane read p50 ms | pane read p99 ms | not heard | server memory per connection |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        await MeasureAsync(meetings, writes, rate, redis: null);
        if (redis is null)
        {
            Console.WriteLine("(no Redis: set ONEONONE_TEST_REDIS or --redis to measure two instances behind the backplane)");
            return 0;
        }

        await MeasureAsync(meetings, writes, rate, redis);
        return 0;
    }

    private sealed record Pair(Guid MeetingId, string ManagerToken, string ReportToken);

    private static async Task MeasureAsync(int meetings, int writes, int rate, string? redis)
    {
        // Seeds the database and issues tokens in this process; the servers read the same data folder (and signing key).
        await using var seeder = new BenchmarkHost(null, new Dictionary<string, string>());
        var pairs = await SeedAsync(seeder, meetings);
        var dataFolder = seeder.DataFolder;
        var servers = new List<Server> { Server.Start(dataFolder, redis) };
        if (redis is not null)
        {
            servers.Add(Server.Start(dataFolder, redis));
        }

        var connections = new List<HubConnection>();
        try
        {
            foreach (var server in servers)
            {
                await server.ReadyAsync();
            }

            var before = servers.Sum(s => s.ResidentBytes());
            var heard = new ConcurrentDictionary<Guid, TaskCompletionSource>();
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 });
            var reportServer = servers[^1];
            foreach (var pair in pairs)
            {
                connections.Add(await JoinAsync(servers[0], pair.ManagerToken, pair.MeetingId, null));
                connections.Add(await JoinAsync(reportServer, pair.ReportToken, pair.MeetingId, meeting =>
                {
                    if (heard.TryGetValue(meeting, out var waiting))
                    {
                        waiting.TrySetResult();
                    }
                }));
            }

            await Task.Delay(2000);
            var perConnection = (servers.Sum(s => s.ResidentBytes()) - before) / (double)connections.Count;

            // A warm-up of its own (the JIT, the pools), then the measured writes.
            await WriteAsync(servers, pairs, heard, http, Math.Min(writes, 500), rate, new ConcurrentBag<double>(), new ConcurrentBag<double>());
            var heardMs = new ConcurrentBag<double>();
            var readMs = new ConcurrentBag<double>();
            var missed = await WriteAsync(servers, pairs, heard, http, writes, rate, heardMs, readMs);
            Console.WriteLine(
                $"| {servers.Count}{(redis is null ? "" : " (Redis)")} | {connections.Count:N0} | {Percentile(heardMs, 0.5):0.0} | {Percentile(heardMs, 0.99):0.0} | " +
                $"{Percentile(readMs, 0.5):0.0} | {Percentile(readMs, 0.99):0.0} | {missed} | {perConnection / 1024:0.0} KB |");
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }

            foreach (var server in servers)
            {
                server.Dispose();
            }
        }
    }

    /// <summary>
    /// Writes at the rate to random meetings, one at a time per meeting (a meeting still waiting to be heard is skipped),
    /// and times each until heard and until the pane was read; answers how many were never heard.
    /// </summary>
    private static async Task<int> WriteAsync(
        List<Server> servers, List<Pair> pairs, ConcurrentDictionary<Guid, TaskCompletionSource> heard, HttpClient http, int writes, int rate,
        ConcurrentBag<double> heardMs, ConcurrentBag<double> readMs)
    {
        var reportServer = servers[^1];
        var random = new Random(42);
        var missed = 0;
        var running = new List<Task>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < writes; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            if (clock.Elapsed < due)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var pair = pairs[random.Next(pairs.Count)];
            var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!heard.TryAdd(pair.MeetingId, waiting))
            {
                continue;
            }

            running.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                using var write = new HttpRequestMessage(HttpMethod.Post, $"{servers[0].BaseUrl}/api/meetings/{pair.MeetingId}/agenda")
                {
                    Content = JsonContent.Create(new { text = "Live benchmark point" }),
                };
                write.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pair.ManagerToken);
                using var written = await http.SendAsync(write);
                written.EnsureSuccessStatusCode();
                if (await Task.WhenAny(waiting.Task, Task.Delay(10_000)) != waiting.Task)
                {
                    Interlocked.Increment(ref missed);
                    heard.TryRemove(pair.MeetingId, out _);
                    return;
                }

                heardMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                heard.TryRemove(pair.MeetingId, out _);
                using var read = new HttpRequestMessage(HttpMethod.Get, $"{reportServer.BaseUrl}/api/meetings/{pair.MeetingId}/pane");
                read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pair.ReportToken);
                using var pane = await http.SendAsync(read);
                pane.EnsureSuccessStatusCode();
                await pane.Content.ReadAsByteArrayAsync();
                readMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }));
        }

        await Task.WhenAll(running);
        return missed;
    }

    private static async Task<HubConnection> JoinAsync(Server server, string token, Guid meetingId, Action<Guid>? onChanged)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl($"{server.BaseUrl}{MeetingHub.Path}", options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        if (onChanged is not null)
        {
            connection.On<Guid?, Guid?>(MeetingHub.Changed, (meeting, _) => onChanged(meeting ?? meetingId));
        }

        await connection.StartAsync();
        if (!await connection.InvokeAsync<bool>("Join", meetingId))
        {
            throw new InvalidOperationException("The benchmark's pane could not join its meeting.");
        }

        return connection;
    }

    private static async Task<List<Pair>> SeedAsync(BenchmarkHost host, int count)
    {
        var tokens = host.Services.GetRequiredService<DevelopmentTokens>();
        return await host.WithDbAsync(async db =>
        {
            var pairs = new List<Pair>();
            var start = DateTime.UtcNow.Date.AddDays(1).AddHours(9);
            for (var i = 0; i < count; i++)
            {
                var manager = Person($"manager-{i}");
                var report = Person($"report-{i}");
                var series = new Series { TenantId = Tenant };
                series.SetParticipants(manager.Id, report.Id);
                var meeting = new Meeting { TenantId = Tenant, SeriesId = series.Id, StartUtc = start, EndUtc = start.AddMinutes(30), Subject = "1:1" };
                db.People.AddRange(manager, report);
                db.Series.Add(series);
                db.Meetings.Add(meeting);
                pairs.Add(new Pair(meeting.Id, Token(manager), Token(report)));
            }

            await db.SaveChangesAsync();
            return pairs;
        });

        string Token(Person person) => tokens.Issue(Tenant, person.ObjectId!, person.DisplayName, person.Email!).Token;
    }

    private static Person Person(string objectId)
    {
        var person = new Person { TenantId = Tenant, ObjectId = objectId, DisplayName = objectId, DirectoryCheckedUtc = DateTime.UtcNow };
        person.SetEmail($"{objectId}@bench.test");
        return person;
    }

    /// <summary>The API as its own process (the build beside this benchmark), on a free port.</summary>
    private sealed class Server : IDisposable
    {
        private readonly Process process;

        private Server(Process process, string baseUrl)
        {
            this.process = process;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public static Server Start(string dataFolder, string? redis)
        {
            using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
            probe.Start();
            var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var baseUrl = $"http://127.0.0.1:{port}";
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OneOnOne.Api.dll"), "--urls", baseUrl])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["App__DataFolder"] = dataFolder;
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__OneOnOne"] = $"Data Source={Path.Combine(dataFolder, "oneonone.db")}";
            start.Environment["Authentication__Mode"] = "Development";
            start.Environment["Demo__Seed"] = "false";
            start.Environment["FollowUps__Enabled"] = "false";
            start.Environment["RequestLimits__WritesPerWindow"] = "100000000";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            if (redis is not null)
            {
                start.Environment["SignalR__Redis"] = redis;
            }

            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine($"server: {e.Data}"); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return new Server(process, baseUrl);
        }

        public async Task ReadyAsync()
        {
            using var http = new HttpClient();
            for (var i = 0; i < 600; i++)
            {
                try
                {
                    if ((await http.GetAsync($"{BaseUrl}/health")).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"The server at {BaseUrl} did not start.");
        }

        public long ResidentBytes()
        {
            process.Refresh();
            return process.WorkingSet64;
        }

        public void Dispose()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
    }
}
