using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Live;
using OneOnOne.Api.Notes;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Live;

/// <summary>
/// The live channel through the real SignalR client: the two people of a series hear its changes; a stranger can join
/// nothing and hears nothing; a private note is never announced.
/// </summary>
public sealed class LiveUpdatesTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed class Listener(HubConnection connection) : IAsyncDisposable
    {
        public ConcurrentQueue<Guid?> Heard { get; } = new();

        /// <summary>Who made each change heard (null: background work such as the calendar).</summary>
        public ConcurrentQueue<Guid?> HeardBy { get; } = new();

        /// <summary>What was heard about other panes, in order: "arrived", "present" or "left", with the pane.</summary>
        public ConcurrentQueue<(string Kind, MeetingHub.OpenPane Pane)> Panes { get; } = new();

        public HubConnection Connection { get; } = connection;

        public async Task<bool> JoinAsync(Guid meetingId) => await Connection.InvokeAsync<bool>("Join", meetingId, Cancel);

        public Task<Guid?> NextAsync(TimeSpan within) => NextOfAsync(Heard, within);

        public Task<(string Kind, MeetingHub.OpenPane Pane)> NextPaneAsync(TimeSpan within) => NextOfAsync(Panes, within);

        private static async Task<T> NextOfAsync<T>(ConcurrentQueue<T> queue, TimeSpan within)
        {
            var until = DateTime.UtcNow + within;
            while (DateTime.UtcNow < until)
            {
                if (queue.TryDequeue(out var heard))
                {
                    return heard;
                }

                await Task.Delay(50, Cancel);
            }

            throw new TimeoutException("Nothing was announced.");
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }

    private Task<Listener> ListenAsync(TestPerson person) => ListenAsync(api, person);

    private static async Task<Listener> ListenAsync(ApiFactory api, TestPerson person)
    {
        var connection = api.LiveConnectionFor(person);
        var listener = new Listener(connection);
        connection.On<Guid?, Guid?>(MeetingHub.Changed, (meetingId, by) =>
        {
            listener.HeardBy.Enqueue(by);
            listener.Heard.Enqueue(meetingId);
        });
        foreach (var kind in new[] { MeetingHub.Arrived, MeetingHub.Present, MeetingHub.Left })
        {
            connection.On<MeetingHub.OpenPane>(kind, pane => listener.Panes.Enqueue((kind, pane)));
        }

        await connection.StartAsync(Cancel);
        return listener;
    }

    [Fact]
    public async Task The_two_people_hear_the_series_change_a_stranger_joins_nothing_and_private_notes_are_never_announced()
    {
        var pair = await OneOnOnePair.CreateAsync(api);
        var meeting = pair.Meeting.MeetingId;
        var stranger = api.InDirectory(TestPerson.New(pair.Manager.TenantId, "Stranger Sam"));
        await api.ClientFor(stranger).GetAsync("/api/me", Cancel);
        var otherTenant = api.InDirectory(TestPerson.New(name: "Other Tenant Olga"));
        await using var manager = await ListenAsync(pair.Manager);
        await using var report = await ListenAsync(pair.Report);
        await using var sam = await ListenAsync(stranger);
        await using var olga = await ListenAsync(otherTenant);

        Assert.True(await manager.JoinAsync(meeting));
        Assert.True(await report.JoinAsync(meeting));
        Assert.False(await sam.JoinAsync(meeting));
        Assert.False(await olga.JoinAsync(meeting));
        Assert.False(await sam.JoinAsync(Guid.NewGuid()));
        // The manager's pane hears the report's arrive; the stranger's failed joins were not announced.
        var (kind, arrived) = await manager.NextPaneAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((MeetingHub.Arrived, pair.Report.Name), (kind, arrived.Name));

        await pair.ManagerClient.PostAsync<AgendaItemResponse>($"/api/meetings/{meeting}/agenda", new { text = "Heard by both" }, HttpStatusCode.Created);
        Assert.Equal(meeting, await report.NextAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(meeting, await manager.NextAsync(TimeSpan.FromSeconds(5)));
        // Who made it, so that a pane says so only for the other person's changes.
        var managerId = Assert.Single(report.HeardBy);
        Assert.Equal(managerId, Assert.Single(manager.HeardBy));
        Assert.NotNull(managerId);
        report.HeardBy.Clear();
        manager.HeardBy.Clear();

        await pair.ManagerClient.PutAsync<NoteResponse>($"/api/meetings/{meeting}/notes/private", new { text = "Mine alone", version = (Guid?)null });
        await pair.ReportClient.PutAsync<NoteResponse>($"/api/meetings/{meeting}/notes/shared", new { text = "For both", version = (Guid?)null });
        // The shared note is announced; before it, nothing was (the private note said nothing, not even that it changed).
        Assert.Equal(meeting, await manager.NextAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(meeting, await report.NextAsync(TimeSpan.FromSeconds(5)));
        await Task.Delay(500, Cancel);
        Assert.Empty(manager.Heard);
        Assert.Empty(report.Heard);
        Assert.Empty(sam.Heard);
        Assert.Empty(olga.Heard);
        Assert.Empty(sam.Panes);
        Assert.Empty(olga.Panes);
    }

    /// <summary>One of several instances on one database and one Redis server.</summary>
    private sealed class Instance(string dataFolder, TestTokens tokens) : ApiFactory(dataFolder, tokens)
    {
        public override OneOnOne.Api.Data.DatabaseProvider Provider => OneOnOne.Api.Data.DatabaseProvider.Sqlite;

        protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "oneonone.db")};Pooling=False";

        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["SignalR:Redis"] = RedisServer.Configuration };
    }

    [Fact]
    public async Task With_the_Redis_backplane_a_change_made_on_one_instance_is_heard_on_another()
    {
        if (RedisServer.SkipReason is { } reason)
        {
            Assert.SkipWhen(Environment.GetEnvironmentVariable("CI") != "true", reason);
            Assert.Fail(reason);
        }

        var folder = Directory.CreateTempSubdirectory("oneonone-scaleout-").FullName;
        var tokens = new TestTokens(TestTokens.NewKey());
        await using var one = new Instance(folder, tokens);
        var pair = await OneOnOnePair.CreateAsync(one);
        await using var two = new Instance(folder, tokens);
        await using var report = await ListenAsync(one, pair.Report);
        Assert.True(await report.JoinAsync(pair.Meeting.MeetingId));

        var onTwo = two.ClientFor(pair.Manager);
        await onTwo.PostAsync<AgendaItemResponse>($"/api/meetings/{pair.Meeting.MeetingId}/agenda", new { text = "Made on instance two" }, HttpStatusCode.Created);

        Assert.Equal(pair.Meeting.MeetingId, await report.NextAsync(TimeSpan.FromSeconds(5)));

        // Presence crosses instances too: the manager opens the meeting on instance two, the report's pane on one sees it.
        var manager = await ListenAsync(two, pair.Manager);
        Assert.True(await manager.JoinAsync(pair.Meeting.MeetingId));
        var (kind, arrived) = await report.NextPaneAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((MeetingHub.Arrived, pair.Manager.Name, pair.Meeting.MeetingId), (kind, arrived.Name, arrived.Meeting));
        await report.Connection.InvokeAsync("Here", Cancel);
        var (answer, here) = await manager.NextPaneAsync(TimeSpan.FromSeconds(5));
        Assert.Equal((MeetingHub.Present, pair.Report.Name), (answer, here.Name));
        await manager.DisposeAsync();
        Assert.Equal((MeetingHub.Left, arrived.Pane), (await report.NextPaneAsync(TimeSpan.FromSeconds(5))) is var (k, p) ? (k, p.Pane) : default);
    }
}
