using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Calendar;

/// <summary>
/// The reconciliation against the demo calendar: what happens in Outlook reaches the meetings without anyone opening a
/// pane. (Through Graph's own requests: <see cref="GraphCalendarTests"/>.)
/// </summary>
public abstract class CalendarSyncTests(ApiFactory api) : ProviderTests(api)
{
    private sealed record Weekly(TestPerson Manager, TestPerson Report, HttpClient ManagerClient, string EventId, DateTime FirstStart, ResolveMeetingResponse Resolved);

    /// <summary>A weekly 1-on-1 from tomorrow, opened once by the manager.</summary>
    private async Task<Weekly> WeeklyAsync()
    {
        var tenant = Guid.NewGuid().ToString();
        var manager = Api.InDirectory(TestPerson.New(tenant, "Manager Mia"));
        var report = Api.InDirectory(TestPerson.New(tenant, "Report Rik"));
        var first = DateTime.UtcNow.Date.AddDays(1).AddHours(9);
        var eventId = OneOnOnePair.AddWeekly(Api, manager, report, new DateTimeOffset(first));
        var client = Api.ClientFor(manager);
        var resolved = await client.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(eventId, new DateTimeOffset(first)));
        return new Weekly(manager, report, client, eventId, first, resolved);
    }

    private async Task ReconcileAsync(Guid seriesId)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
        var sync = scope.ServiceProvider.GetRequiredService<CalendarSync>();
        foreach (var link in await db.LinkedEvents.IgnoreQueryFilters().Where(l => l.SeriesId == seriesId).Select(l => l.Id).ToListAsync(Cancel))
        {
            await sync.ReconcileAsync(link, Cancel);
        }
    }

    private Task<List<Meeting>> MeetingsAsync(Guid seriesId) =>
        Api.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().AsNoTracking().Where(m => m.SeriesId == seriesId).OrderBy(m => m.OriginalStartUtc).ToListAsync(Cancel));

    private Task<LinkedEvent> LinkAsync(Guid seriesId) =>
        Api.WithDbAsync(db => db.LinkedEvents.IgnoreQueryFilters().AsNoTracking().SingleAsync(l => l.SeriesId == seriesId, Cancel));

    [Fact]
    public async Task Moved_cancelled_and_restored_occurrences_reach_the_meetings_by_themselves()
    {
        var weekly = await WeeklyAsync();
        var series = weekly.Resolved.SeriesId;
        var before = await MeetingsAsync(series);
        var second = before[1];
        var item = await weekly.ManagerClient.PostAsync<AgendaItemResponse>($"/api/meetings/{second.Id}/agenda", new { text = "Holiday plans" }, HttpStatusCode.Created);

        var movedTo = weekly.FirstStart.AddDays(1).AddHours(5);
        Api.Workplace.MoveOccurrence(weekly.EventId, weekly.FirstStart, movedTo);
        Api.Workplace.CancelOccurrence(weekly.EventId, second.StartUtc);
        await ReconcileAsync(series);
        var changed = await MeetingsAsync(series);
        var itemMeeting = await Api.WithDbAsync(db => db.AgendaItems.IgnoreQueryFilters().Where(a => a.Id == item.Id).Select(a => a.MeetingId).SingleAsync(Cancel));

        Api.Workplace.RestoreOccurrence(weekly.EventId, second.StartUtc);
        await ReconcileAsync(series);
        var restored = await MeetingsAsync(series);

        Assert.Equal(5, before.Count);
        Assert.All(before, m => Assert.Equal(MeetingStatus.Scheduled, m.Status));
        Assert.Equal(before.Select(m => m.Id), changed.Select(m => m.Id));
        Assert.Equal(movedTo, changed[0].StartUtc);
        Assert.Equal(MeetingStatus.Cancelled, changed[1].Status);
        Assert.Equal(changed[2].Id, itemMeeting);
        Assert.Equal(MeetingStatus.Scheduled, restored[1].Status);
        Assert.Equal(second.StartUtc, restored[1].StartUtc);
    }

    [Fact]
    public async Task Other_attendees_pause_the_event_the_right_two_resume_it_and_a_deleted_series_ends_it()
    {
        var weekly = await WeeklyAsync();
        var series = weekly.Resolved.SeriesId;
        var third = Api.InDirectory(TestPerson.New(weekly.Manager.TenantId, "Third Thea"));
        var pair = new[] { OneOnOnePair.Attendee(weekly.Report), OneOnOnePair.Attendee(weekly.Manager) };

        Api.Workplace.SetAttendees(weekly.EventId, [.. pair, OneOnOnePair.Attendee(third)]);
        await ReconcileAsync(series);
        var paused = await LinkAsync(series);
        Api.Workplace.SetAttendees(weekly.EventId, pair);
        await ReconcileAsync(series);
        var resumed = await LinkAsync(series);
        Api.Workplace.DeleteEvent(weekly.EventId);
        await ReconcileAsync(series);
        var ended = await LinkAsync(series);
        var meetings = await MeetingsAsync(series);

        Assert.Equal(LinkedEventState.Paused, paused.State);
        Assert.Contains("3 people", paused.StateReason, StringComparison.Ordinal);
        Assert.Equal(LinkedEventState.Active, resumed.State);
        Assert.Equal(LinkedEventState.Ended, ended.State);
        Assert.All(meetings, m => Assert.Equal(MeetingStatus.Cancelled, m.Status));
    }

    [Fact]
    public async Task The_directory_renames_people_and_a_disabled_or_deleted_account_is_noted_and_asked_again()
    {
        var weekly = await WeeklyAsync();
        var tenant = weekly.Manager.TenantId;
        Api.Workplace.RenamePerson(tenant, weekly.Report.ObjectId, "Rik de Vries", "rik.devries@example.test");
        Api.Workplace.DisablePerson(tenant, weekly.Manager.ObjectId);
        await RefreshPeopleAsync(days: 2);
        var afterRename = await PeopleAsync(tenant);
        var stillActive = await LinkAsync(weekly.Resolved.SeriesId);

        Api.Workplace.DeletePerson(tenant, weekly.Report.ObjectId);
        await RefreshPeopleAsync(days: 4);
        var afterDelete = await PeopleAsync(tenant);
        Api.Workplace.AddPerson(tenant, weekly.Report.ObjectId, "Rik de Vries", "rik.devries@example.test");
        await RefreshPeopleAsync(days: 6);
        var back = await PeopleAsync(tenant);

        var report = afterRename.Single(p => p.ObjectId == weekly.Report.ObjectId);
        Assert.Equal(("Rik de Vries", "rik.devries@example.test", AccountState.Active), (report.DisplayName, report.Email, report.AccountState));
        Assert.Equal(AccountState.Disabled, afterRename.Single(p => p.ObjectId == weekly.Manager.ObjectId).AccountState);
        Assert.Equal(LinkedEventState.Active, stillActive.State);
        Assert.Equal(AccountState.Deleted, afterDelete.Single(p => p.ObjectId == weekly.Report.ObjectId).AccountState);
        // A 404 by mistake costs a day: the next refresh asks again.
        Assert.Equal(AccountState.Active, back.Single(p => p.ObjectId == weekly.Report.ObjectId).AccountState);
    }

    /// <summary>The daily directory refresh as it runs <paramref name="days"/> days from now, when every participant is due.</summary>
    private async Task RefreshPeopleAsync(int days)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CalendarSync>().RefreshPeopleAsync(DateTime.UtcNow.AddDays(days), Cancel);
    }

    private Task<List<Person>> PeopleAsync(string tenant) =>
        Api.WithDbAsync(db => db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.TenantId == tenant).ToListAsync(Cancel));
}

public sealed class SqliteCalendarSyncTests(SqliteApiFactory api) : CalendarSyncTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresCalendarSyncTests(PostgresApiFactory api) : CalendarSyncTests(api), IClassFixture<PostgresApiFactory>;
