using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Meetings;

/// <summary>Resolve reads the event from the caller's own calendar and its people from the directory; the body is only the event's id.</summary>
public abstract class ResolveTests(ApiFactory api) : ProviderTests(api)
{
    [Fact]
    public async Task Both_people_resolve_to_the_same_series_and_meeting_with_their_own_role()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);

        var byReport = await pair.ReportClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(pair.EventId, OneOnOnePair.FirstStart));

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
        var boss = Api.InDirectory(TestPerson.New(tenant));
        var employee = Api.InDirectory(TestPerson.New(tenant));
        var employeeClient = Api.ClientFor(employee);
        var eventId = OneOnOnePair.AddWeekly(Api, boss, employee, OneOnOnePair.FirstStart);

        // The employee opens an invite the boss organised.
        var resolved = await employeeClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(eventId, OneOnOnePair.FirstStart));
        var pane = await employeeClient.GetAsync<PaneResponse>($"/api/meetings/{resolved.MeetingId}/pane");
        var swapped = await employeeClient.PostAsync<SeriesResponse>($"/api/series/{resolved.SeriesId}/swap-roles", new { version = pane.Meeting.SeriesVersion });
        var stale = await employeeClient.SendJsonAsync(HttpMethod.Post, $"/api/series/{resolved.SeriesId}/swap-roles", new { version = pane.Meeting.SeriesVersion });

        Assert.Equal(ParticipantRole.Report, resolved.Role);
        Assert.Equal(ParticipantRole.Manager, swapped.Role);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task The_calendar_wins_over_the_body_and_a_moved_occurrence_keeps_its_meeting()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var second = OneOnOnePair.FirstStart.AddDays(7);
        var first = await pair.ResolveAsync(second);
        var movedTo = second.AddDays(1).AddHours(5);
        Api.Workplace.MoveOccurrence(pair.EventId, second.UtcDateTime, movedTo.UtcDateTime);

        // What the pane says of the event is not read: a forged start and attendee list change nothing.
        var moved = await pair.ManagerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", new
        {
            eventId = DemoWorkplace.OccurrenceId(pair.EventId, second.UtcDateTime),
            start = second.AddYears(1),
            attendees = new[] { new { email = "someone.else@example.test" } },
        });
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{moved.MeetingId}/pane");

        Assert.Equal(first.MeetingId, moved.MeetingId);
        Assert.False(moved.Created);
        Assert.Equal(movedTo, pane.Meeting.Start);
        var count = await Api.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().CountAsync(m => m.SeriesId == pair.Meeting.SeriesId, Cancel));
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task Occurrences_in_the_coming_weeks_become_meetings_at_once_so_the_next_one_exists()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(7), TimeSpan.Zero);
        var eventId = OneOnOnePair.AddWeekly(Api, pair.Manager, pair.Report, start);

        var resolved = await pair.ManagerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(eventId, start));
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{resolved.MeetingId}/pane");
        var meetings = await Api.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().Where(m => m.SeriesId == resolved.SeriesId && m.StartUtc >= start.UtcDateTime && m.StartUtc < start.UtcDateTime.AddDays(40)).CountAsync(Cancel));

        Assert.NotNull(resolved.NextMeetingId);
        Assert.Equal(resolved.NextMeetingId, pane.NextMeeting?.Id);
        Assert.Equal(start.AddDays(7), pane.NextMeeting?.Start);
        Assert.Equal(5, meetings);
    }

    [Fact]
    public async Task The_organizer_opening_the_whole_series_gets_its_next_occurrence()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(7), TimeSpan.Zero);
        var eventId = OneOnOnePair.AddWeekly(Api, pair.Manager, pair.Report, start);

        var resolved = await pair.ManagerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", new { eventId });
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{resolved.MeetingId}/pane");

        Assert.Equal(start, pane.Meeting.Start);
        Assert.Equal(start.AddDays(7), pane.NextMeeting?.Start);
    }

    [Fact]
    public async Task An_attendee_opening_their_copy_adds_meetings_but_only_the_organizers_calendar_cancels_them()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var start = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(1).AddHours(7), TimeSpan.Zero);
        var eventId = OneOnOnePair.AddWeekly(Api, pair.Manager, pair.Report, start);
        var byManager = await pair.ManagerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(eventId, start));
        // The demo calendar has one copy of the event; a cancelled occurrence stands in for one the report's copy lacks.
        Api.Workplace.CancelOccurrence(eventId, start.AddDays(7).UtcDateTime);

        await pair.ReportClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(eventId, start));
        var afterReport = await Api.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().SingleAsync(m => m.SeriesId == byManager.SeriesId && m.OriginalStartUtc == start.AddDays(7).UtcDateTime, Cancel));
        await pair.ManagerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(eventId, start));
        var afterManager = await Api.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().SingleAsync(m => m.SeriesId == byManager.SeriesId && m.OriginalStartUtc == start.AddDays(7).UtcDateTime, Cancel));

        Assert.Equal(MeetingStatus.Scheduled, afterReport.Status);
        Assert.Equal(MeetingStatus.Cancelled, afterManager.Status);
    }

    [Fact]
    public async Task A_team_meeting_is_not_a_one_on_one_and_says_why_in_the_callers_language()
    {
        var tenant = Guid.NewGuid().ToString();
        var organizer = Api.InDirectory(TestPerson.New(tenant));
        var others = Enumerable.Range(0, 3).Select(_ => Api.InDirectory(TestPerson.New(tenant))).ToList();
        var eventId = Api.Workplace.AddEvent(tenant, OneOnOnePair.Attendee(organizer), others.Select(OneOnOnePair.Attendee), OneOnOnePair.FirstStart.UtcDateTime, TimeSpan.FromHours(1), "Teamoverleg");

        var response = await Api.ClientFor(organizer, "nl").SendJsonAsync(HttpMethod.Post, "/api/meetings/resolve", OneOnOnePair.Open(eventId, OneOnOnePair.FirstStart));

        var problem = await response.ReadAsync<JsonElement>(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("Dit is geen 1-op-1", problem.GetProperty("title").GetString());
        Assert.Contains("4 mensen", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredForAsync(tenant, people: 1);
    }

    [Fact]
    public async Task A_room_on_the_event_is_not_a_third_person()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var start = OneOnOnePair.FirstStart.AddDays(3);
        var eventId = Api.Workplace.AddEvent(pair.Manager.TenantId, OneOnOnePair.Attendee(pair.Manager),
            [OneOnOnePair.Attendee(pair.Report), new CalendarAttendee("room-1@example.test", "Room 1", IsResource: true)], start.UtcDateTime, TimeSpan.FromMinutes(30), "1:1", repeatEveryDays: null);

        var resolved = await pair.ReportClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", new { eventId });

        Assert.Equal(pair.Meeting.SeriesId, resolved.SeriesId);
    }

    [Fact]
    public async Task An_event_that_is_not_in_the_callers_calendar_is_a_404_and_stores_nothing()
    {
        var tenant = Guid.NewGuid().ToString();
        var attacker = Api.InDirectory(TestPerson.New(tenant));
        var victim = Api.InDirectory(TestPerson.New(tenant));
        var bystander = Api.InDirectory(TestPerson.New(tenant));
        // An event of two colleagues the attacker is not invited to, and an id that names nothing.
        var theirs = OneOnOnePair.AddWeekly(Api, victim, bystander, OneOnOnePair.FirstStart);
        var client = Api.ClientFor(attacker);

        var notMine = await client.SendJsonAsync(HttpMethod.Post, "/api/meetings/resolve", OneOnOnePair.Open(theirs, OneOnOnePair.FirstStart));
        var made = await client.SendJsonAsync(HttpMethod.Post, "/api/meetings/resolve", new
        {
            eventId = "AAMk-made-up",
            start = OneOnOnePair.FirstStart,
            end = OneOnOnePair.FirstStart.AddMinutes(30),
            organizer = new { email = attacker.Email },
            attendees = new[] { new { email = victim.Email }, new { email = attacker.Email } },
        });

        Assert.Contains("not in your calendar", (await notMine.ReadAsync<JsonElement>(HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await made.ReadAsync<JsonElement>(HttpStatusCode.NotFound);
        await AssertNothingStoredForAsync(tenant, people: 1);
    }

    [Fact]
    public async Task A_guest_or_an_outside_address_makes_the_event_unsupported_and_creates_no_person()
    {
        var tenant = Guid.NewGuid().ToString();
        var member = Api.InDirectory(TestPerson.New(tenant));
        var guest = TestPerson.New(tenant, "Gast Gerrit");
        Api.Workplace.AddPerson(tenant, guest.ObjectId, guest.Name, guest.Email, isGuest: true);
        var outsider = TestPerson.New(tenant, "Olivia Outside");
        var withGuest = OneOnOnePair.AddWeekly(Api, member, guest, OneOnOnePair.FirstStart);
        var withOutsider = OneOnOnePair.AddWeekly(Api, member, outsider, OneOnOnePair.FirstStart);
        var client = Api.ClientFor(member, "en");

        var guestProblem = await (await client.SendJsonAsync(HttpMethod.Post, "/api/meetings/resolve", OneOnOnePair.Open(withGuest, OneOnOnePair.FirstStart)))
            .ReadAsync<JsonElement>(HttpStatusCode.UnprocessableEntity);
        var outsiderProblem = await (await client.SendJsonAsync(HttpMethod.Post, "/api/meetings/resolve", OneOnOnePair.Open(withOutsider, OneOnOnePair.FirstStart)))
            .ReadAsync<JsonElement>(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Gast Gerrit is a guest", guestProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Olivia Outside is not a person in your organisation", outsiderProblem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingStoredForAsync(tenant, people: 1);
    }

    [Fact]
    public async Task A_renamed_person_keeps_their_series_and_a_reused_address_is_someone_else()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var tenant = pair.Manager.TenantId;
        Api.Workplace.RenamePerson(tenant, pair.Report.ObjectId, "Rik Renamed", "rik.renamed@example.test");
        var renamed = pair.Report with { Name = "Rik Renamed", Email = "rik.renamed@example.test" };

        var again = await Api.ClientFor(renamed).PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(pair.EventId, OneOnOnePair.FirstStart));

        // The departed manager's address goes to a new hire, who has a 1-on-1 with the report.
        Api.Workplace.DeletePerson(tenant, pair.Manager.ObjectId);
        var newHire = Api.InDirectory(TestPerson.New(tenant, "New Hire") with { Email = pair.Manager.Email });
        var newHireClient = Api.ClientFor(newHire);
        var me = await newHireClient.GetAsync<OneOnOne.Api.Identity.MeResponse>("/api/me");
        var hireEvent = OneOnOnePair.AddWeekly(Api, newHire, renamed, OneOnOnePair.FirstStart.AddDays(1));
        var hires = await newHireClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(hireEvent, OneOnOnePair.FirstStart.AddDays(1)));
        var oldPane = await newHireClient.SendJsonAsync(HttpMethod.Get, $"/api/meetings/{pair.Meeting.MeetingId}/pane", null);

        Assert.Equal(pair.Meeting.SeriesId, again.SeriesId);
        Assert.Equal(ParticipantRole.Report, again.Role);
        var stored = await Api.WithDbAsync(db => db.People.IgnoreQueryFilters().Where(p => p.TenantId == tenant).ToListAsync(Cancel));
        var report = Assert.Single(stored, p => p.ObjectId == pair.Report.ObjectId);
        Assert.Equal("rik.renamed@example.test", report.Email);
        Assert.Equal(2, stored.Count(p => p.NormalizedEmail == Person.Normalize(pair.Manager.Email)));
        Assert.Equal("New Hire", me.DisplayName);
        Assert.NotEqual(pair.Meeting.SeriesId, hires.SeriesId);
        Assert.Equal(HttpStatusCode.NotFound, oldPane.StatusCode);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"eventId":""}""")]
    [InlineData("""{"eventId":null,"start":"2030-03-04T09:00:00Z"}""")]
    public async Task Without_an_event_id_it_is_a_400_naming_the_field(string body)
    {
        var client = Api.ClientFor(Api.InDirectory(TestPerson.New()));

        var response = await client.PostAsync("/api/meetings/resolve", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        var problem = await response.ReadAsync<JsonElement>(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("eventId", out _), problem.GetRawText());
    }

    private async Task AssertNothingStoredForAsync(string tenant, int people)
    {
        var (persons, series, followUps) = await Api.WithDbAsync(async db => (
            await db.People.IgnoreQueryFilters().CountAsync(p => p.TenantId == tenant, Cancel),
            await db.Series.IgnoreQueryFilters().CountAsync(s => s.TenantId == tenant, Cancel),
            await db.FollowUps.IgnoreQueryFilters().CountAsync(f => f.TenantId == tenant, Cancel)));
        Assert.Equal(people, persons);
        Assert.Equal(0, series);
        Assert.Equal(0, followUps);
    }
}

public sealed class SqliteResolveTests(SqliteApiFactory api) : ResolveTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresResolveTests(PostgresApiFactory api) : ResolveTests(api), IClassFixture<PostgresApiFactory>;
