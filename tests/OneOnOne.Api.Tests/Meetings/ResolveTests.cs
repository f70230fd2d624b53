using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Meetings;

public abstract class ResolveTests(ApiFactory api) : ProviderTests(api)
{
    [Fact]
    public async Task Both_people_resolve_to_the_same_series_and_meeting_with_their_own_role()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);

        var byReport = await pair.ReportClient.PostAsync<ResolveMeetingResponse>(
            "/api/meetings/resolve", OneOnOnePair.Event(pair.Manager, pair.Report, OneOnOnePair.FirstStart));

        Assert.True(pair.Meeting.Created);
        Assert.Equal(ParticipantRole.Manager, pair.Meeting.Role);
        Assert.False(byReport.Created);
        Assert.Equal(ParticipantRole.Report, byReport.Role);
        Assert.Equal(pair.Meeting.MeetingId, byReport.MeetingId);
        Assert.Equal(pair.Meeting.SeriesId, byReport.SeriesId);
    }

    [Fact]
    public async Task The_organizer_becomes_the_manager_and_either_person_can_swap_the_roles()
    {
        var tenant = Guid.NewGuid().ToString();
        var boss = TestPerson.New(tenant);
        var employee = TestPerson.New(tenant);
        var employeeClient = Api.ClientFor(employee);

        // The employee opens an invite the boss organised.
        var resolved = await employeeClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Event(boss, employee, OneOnOnePair.FirstStart));
        var pane = await employeeClient.GetAsync<PaneResponse>($"/api/meetings/{resolved.MeetingId}/pane");
        var swapped = await employeeClient.PostAsync<SeriesResponse>($"/api/series/{resolved.SeriesId}/swap-roles", new { version = pane.Meeting.SeriesVersion });
        var stale = await employeeClient.SendJsonAsync(HttpMethod.Post, $"/api/series/{resolved.SeriesId}/swap-roles", new { version = pane.Meeting.SeriesVersion });

        Assert.Equal(ParticipantRole.Report, resolved.Role);
        Assert.Equal(ParticipantRole.Manager, swapped.Role);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task A_moved_occurrence_updates_its_meeting_instead_of_adding_one()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var first = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(7), itemId: "AAMkOccurrence2");

        var moved = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(8).AddHours(5), itemId: "AAMkOccurrence2");
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{moved.MeetingId}/pane");

        Assert.Equal(first.MeetingId, moved.MeetingId);
        Assert.False(moved.Created);
        Assert.Equal(OneOnOnePair.FirstStart.AddDays(8).AddHours(5), pane.Meeting.Start);
        var count = await Api.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().CountAsync(m => m.SeriesId == pair.Meeting.SeriesId, Cancel));
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task A_known_recurrence_creates_the_next_occurrence_too()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var start = new DateTimeOffset(2030, 10, 24, 7, 0, 0, TimeSpan.Zero);

        var resolved = await pair.ManagerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve",
            OneOnOnePair.Event(pair.Manager, pair.Report, start, recurrence: new { type = "weekly", interval = 1, days = new[] { "thu" }, timeZone = "W. Europe Standard Time" }));
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{resolved.MeetingId}/pane");

        Assert.NotNull(resolved.NextMeetingId);
        Assert.Equal(resolved.NextMeetingId, pane.NextMeeting?.Id);
        Assert.Equal(new DateTimeOffset(2030, 10, 31, 8, 0, 0, TimeSpan.Zero), pane.NextMeeting?.Start);
    }

    [Fact]
    public async Task More_than_two_people_is_not_a_one_on_one_and_says_why_in_the_callers_language()
    {
        var tenant = Guid.NewGuid().ToString();
        var organizer = TestPerson.New(tenant);
        var client = Api.ClientFor(organizer, "nl");
        var body = new
        {
            start = OneOnOnePair.FirstStart,
            end = OneOnOnePair.FirstStart.AddHours(1),
            subject = "Teamoverleg",
            organizer = new { email = organizer.Email },
            attendees = new[] { new { email = "a@example.test" }, new { email = "b@example.test" }, new { email = "C@example.test" }, new { email = "c@example.test" } },
        };

        var response = await client.SendJsonAsync(HttpMethod.Post, "/api/meetings/resolve", body);

        var problem = await response.ReadAsync<JsonElement>(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Dit is geen 1-op-1", problem.GetProperty("title").GetString());
        Assert.Contains("4 mensen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_without_the_caller_is_not_their_one_on_one()
    {
        var tenant = Guid.NewGuid().ToString();
        var caller = Api.ClientFor(TestPerson.New(tenant));

        var response = await caller.SendJsonAsync(HttpMethod.Post, "/api/meetings/resolve",
            OneOnOnePair.Event(TestPerson.New(tenant), TestPerson.New(tenant), OneOnOnePair.FirstStart));

        var problem = await response.ReadAsync<JsonElement>(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not one of the two people", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> InvalidEvents => new()
    {
        { "end", """{"start":"2030-03-04T09:00:00Z","end":"2030-03-04T08:00:00Z","organizer":{"email":"x@example.test"},"attendees":[]}""" },
        { "start", """{"end":"2030-03-04T08:00:00Z","organizer":{"email":"x@example.test"}}""" },
        { "attendees[0].email", """{"start":"2030-03-04T09:00:00Z","end":"2030-03-04T10:00:00Z","attendees":[{"email":"not an address"}]}""" },
        { "recurrence", """{"start":"2030-03-04T09:00:00Z","end":"2030-03-04T10:00:00Z","attendees":[],"recurrence":{"type":"fortnightly"}}""" },
        { "recurrence.timeZone", """{"start":"2030-03-04T09:00:00Z","end":"2030-03-04T10:00:00Z","attendees":[],"recurrence":{"type":"weekly","timeZone":"Mars/Base"}}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public async Task Invalid_event_data_is_a_400_naming_the_field(string field, string body)
    {
        var client = Api.ClientFor(TestPerson.New());

        var response = await client.PostAsync("/api/meetings/resolve", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        var problem = await response.ReadAsync<JsonElement>(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task An_unreadable_date_is_a_400()
    {
        var client = Api.ClientFor(TestPerson.New());

        var response = await client.PostAsync("/api/meetings/resolve",
            new StringContent("""{"start":"next tuesday","end":"2030-03-04T10:00:00Z"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class SqliteResolveTests(SqliteApiFactory api) : ResolveTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresResolveTests(PostgresApiFactory api) : ResolveTests(api), IClassFixture<PostgresApiFactory>;
