using OneOnOne.Api.Calendar;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Meetings;

/// <summary>
/// A fresh tenant with a manager and a report in the directory, a weekly 1-on-1 in the calendar organized by the manager
/// from <see cref="FirstStart"/> on, and its first occurrence resolved through the API.
/// </summary>
public sealed record OneOnOnePair(
    ApiFactory Api, TestPerson Manager, TestPerson Report, HttpClient ManagerClient, HttpClient ReportClient, ResolveMeetingResponse Meeting, string EventId)
{
    public static readonly DateTimeOffset FirstStart = new(2030, 3, 4, 9, 0, 0, TimeSpan.Zero);

    public static async Task<OneOnOnePair> CreateAsync(ApiFactory api, string managerLanguage = "en", string reportLanguage = "en")
    {
        var tenant = Guid.NewGuid().ToString();
        var manager = api.InDirectory(TestPerson.New(tenant, "Manager Mia"));
        var report = api.InDirectory(TestPerson.New(tenant, "Report Rik"));
        var managerClient = api.ClientFor(manager, managerLanguage);
        var reportClient = api.ClientFor(report, reportLanguage);
        await reportClient.GetAsync<OneOnOne.Api.Identity.MeResponse>("/api/me");
        var eventId = AddWeekly(api, manager, report, FirstStart);
        var meeting = await managerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", Open(eventId, FirstStart));
        return new OneOnOnePair(api, manager, report, managerClient, reportClient, meeting, eventId);
    }

    /// <summary>A weekly event in the demo calendar organized by <paramref name="organizer"/>; answers its id.</summary>
    public static string AddWeekly(ApiFactory api, TestPerson organizer, TestPerson attendee, DateTimeOffset firstStart, int? repeatEveryDays = 7) =>
        api.Workplace.AddEvent(organizer.TenantId, Attendee(organizer), [Attendee(attendee), Attendee(organizer)], firstStart.UtcDateTime, TimeSpan.FromMinutes(30), "1:1", repeatEveryDays);

    public static CalendarAttendee Attendee(TestPerson person) => new(person.Email, person.Name);

    /// <summary>The resolve body for the occurrence of <paramref name="eventId"/> that was first scheduled at <paramref name="originalStart"/>.</summary>
    public static object Open(string eventId, DateTimeOffset originalStart) => new { eventId = DemoWorkplace.OccurrenceId(eventId, originalStart.UtcDateTime) };

    /// <summary>
    /// The meeting at <paramref name="start"/>: an occurrence of the weekly event when it has one there, else a single
    /// event the manager adds to the calendar for it. Resolved by the manager.
    /// </summary>
    public Task<ResolveMeetingResponse> ResolveAsync(DateTimeOffset start)
    {
        var weeks = (start - FirstStart).TotalDays / 7;
        object body = weeks >= 0 && weeks == Math.Floor(weeks)
            ? Open(EventId, start)
            : new { eventId = AddWeekly(Api, Manager, Report, start, repeatEveryDays: null) };
        return ManagerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", body);
    }
}
