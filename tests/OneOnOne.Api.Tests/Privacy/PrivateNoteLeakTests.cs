using System.Net;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Privacy;

/// <summary>
/// Both people of a 1-on-1 write in a random order (agenda, notes, actions, goals, new meetings, the Word pane's import),
/// each private note carrying a marker of its author. Every answer, of the writes and then of every read endpoint, is
/// checked: no answer to one person ever carries the other's private note.
/// </summary>
public abstract class PrivateNoteLeakTests(ApiFactory api) : ProviderTests(api)
{
    private sealed class Side(string name, HttpClient client)
    {
        public string Name { get; } = name;
        public HttpClient Client { get; } = client;
        public List<string> Secrets { get; } = [];
        public Side Other { get; set; } = null!;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task No_answer_ever_carries_the_other_persons_private_note(int seed)
    {
        var random = new Random(seed);
        var pair = await OneOnOnePair.CreateAsync(Api);
        var manager = new Side("manager", pair.ManagerClient);
        var report = new Side("report", pair.ReportClient);
        manager.Other = report;
        report.Other = manager;
        var meetings = new List<Guid> { pair.Meeting.MeetingId };
        var seriesId = pair.Meeting.SeriesId;

        for (var step = 0; step < 40; step++)
        {
            var side = random.Next(2) == 0 ? manager : report;
            var meetingId = meetings[random.Next(meetings.Count)];
            var pane = await ReadAsync<PaneResponse>(side, $"/api/meetings/{meetingId}/pane");
            var context = $"seed {seed}, step {step}, {side.Name}";
            switch (random.Next(9))
            {
                case 0:
                    await WriteAsync(side, HttpMethod.Post, $"/api/meetings/{meetingId}/agenda", new { text = $"Point {step}" }, context);
                    break;
                case 1:
                case 2:
                    var secret = $"{side.Name}-private-{step}-{Guid.NewGuid():N}";
                    side.Secrets.Add(secret);
                    await WriteAsync(side, HttpMethod.Put, $"/api/meetings/{meetingId}/notes/private", new { text = $"Only I know {secret}", version = pane.Notes.Private?.Version }, context);
                    break;
                case 3:
                    await WriteAsync(side, HttpMethod.Put, $"/api/meetings/{meetingId}/notes/shared", new { text = $"We both know {step}", version = pane.Notes.Shared?.Version }, context);
                    break;
                case 4:
                    await WriteAsync(side, HttpMethod.Post, $"/api/series/{seriesId}/actions", new { text = $"Action {step}", meetingId }, context);
                    break;
                case 5 when pane.OpenActions.Length > 0:
                    var open = pane.OpenActions[random.Next(pane.OpenActions.Length)];
                    await WriteAsync(side, random.Next(2) == 0 ? HttpMethod.Patch : HttpMethod.Post,
                        random.Next(2) == 0 ? $"/api/actions/{open.Id}" : $"/api/actions/{open.Id}/complete",
                        new { text = $"Changed {step}", meetingId, version = open.Version }, context);
                    break;
                case 6:
                    await WriteAsync(side, HttpMethod.Put, $"/api/meetings/{meetingId}/goal", new { goal = $"Goal {step}", version = pane.Meeting.Version }, context);
                    break;
                case 7:
                    var next = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(7 * meetings.Count));
                    meetings.Add(next.MeetingId);
                    break;
                default:
                    await WriteAsync(side, HttpMethod.Post, $"/api/meetings/{meetingId}/notes/import",
                        new { actions = Array.Empty<object>(), sharedNotes = $"From Word {step}", sharedNotesBaseline = pane.Notes.Shared?.Text ?? "" }, context);
                    break;
            }
        }

        Assert.NotEmpty(manager.Secrets.Concat(report.Secrets));
        foreach (var side in new[] { manager, report })
        {
            // Every action was agreed in one of the meetings, so the panes' new actions are all of them.
            var actions = new List<ActionItemResponse>();
            foreach (var meetingId in meetings)
            {
                actions.AddRange((await ReadAsync<PaneResponse>(side, $"/api/meetings/{meetingId}/pane")).NewActions);
            }

            var reads = new List<string> { "/api/me", "/api/me/export", "/api/meetings/upcoming", "/api/me/mail-preferences" };
            foreach (var meetingId in meetings)
            {
                reads.AddRange([
                    $"/api/meetings/{meetingId}/pane", $"/api/meetings/{meetingId}/notes",
                    $"/api/meetings/{meetingId}/notes.docx",
                ]);
            }

            reads.AddRange(actions.Select(a => $"/api/series/{seriesId}/actions/{a.Id}/audit"));
            foreach (var url in reads)
            {
                var answer = await PrivacyScenario.SendAsync(side.Client, HttpMethod.Get, url);
                Assert.True(answer.Status == HttpStatusCode.OK, $"seed {seed}: {side.Name} GET {url}: {answer.Status} {answer.Body}");
                AssertNoSecretOf(side.Other, answer.Body, $"seed {seed}: {side.Name} GET {url}");
            }

            // The person's own latest private note does come back to them.
            var export = await PrivacyScenario.SendAsync(side.Client, HttpMethod.Get, "/api/me/export");
            if (side.Secrets.Count > 0)
            {
                Assert.Contains(side.Secrets, s => export.Body.Contains(s, StringComparison.Ordinal));
            }
        }
    }

    private static async Task<T> ReadAsync<T>(Side side, string url)
    {
        var response = await side.Client.GetAsync(url, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        AssertNoSecretOf(side.Other, body, $"{side.Name} GET {url}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(body, Json.Options)!;
    }

    private static async Task WriteAsync(Side side, HttpMethod method, string url, object body, string context)
    {
        var answer = await PrivacyScenario.SendAsync(side.Client, method, url, System.Net.Http.Json.JsonContent.Create(body, options: Json.Options));
        Assert.True((int)answer.Status < 500, $"{context}: {method} {url}: {answer.Status} {answer.Body}");
        AssertNoSecretOf(side.Other, answer.Body, $"{context}: {method} {url}");
    }

    private static void AssertNoSecretOf(Side other, string body, string context)
    {
        foreach (var secret in other.Secrets)
        {
            Assert.False(body.Contains(secret, StringComparison.Ordinal), $"{context} carries {other.Name}'s private note");
        }
    }
}

public sealed class SqlitePrivateNoteLeakTests(SqliteApiFactory api) : PrivateNoteLeakTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresPrivateNoteLeakTests(PostgresApiFactory api) : PrivateNoteLeakTests(api), IClassFixture<PostgresApiFactory>;
