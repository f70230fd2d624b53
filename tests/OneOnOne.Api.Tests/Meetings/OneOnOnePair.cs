using OneOnOne.Api.Meetings;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Meetings;

/// <summary>A fresh tenant with a manager and a report who have one weekly 1-on-1, resolved through the API.</summary>
public sealed record OneOnOnePair(
    ApiFactory Api, TestPerson Manager, TestPerson Report, HttpClient ManagerClient, HttpClient ReportClient, ResolveMeetingResponse Meeting)
{
    public static readonly DateTimeOffset FirstStart = new(2030, 3, 4, 9, 0, 0, TimeSpan.Zero);

    public static async Task<OneOnOnePair> CreateAsync(ApiFactory api, string managerLanguage = "en", string reportLanguage = "en")
    {
        var tenant = Guid.NewGuid().ToString();
        var manager = TestPerson.New(tenant, "Manager Mia");
        var report = TestPerson.New(tenant, "Report Rik");
        var managerClient = api.ClientFor(manager, managerLanguage);
        var reportClient = api.ClientFor(report, reportLanguage);
        await reportClient.GetAsync<OneOnOne.Api.Identity.MeResponse>("/api/me");
        var meeting = await managerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", Event(manager, report, FirstStart));
        return new OneOnOnePair(api, manager, report, managerClient, reportClient, meeting);
    }

    public static object Event(TestPerson organizer, TestPerson attendee, DateTimeOffset start, string? itemId = null, object? recurrence = null) => new
    {
        start,
        end = start.AddMinutes(30),
        subject = "1:1",
        organizer = new { email = organizer.Email, displayName = organizer.Name },
        attendees = new[] { new { email = attendee.Email, displayName = attendee.Name }, new { email = organizer.Email, displayName = organizer.Name } },
        itemId,
        recurrence,
    };

    /// <summary>Another occurrence of the series, resolved by the manager.</summary>
    public Task<ResolveMeetingResponse> ResolveAsync(DateTimeOffset start, string? itemId = null) =>
        ManagerClient.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", Event(Manager, Report, start, itemId));
}
