using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Calendar;

/// <summary>
/// Gives the demo tenant its directory and calendar: the demo people, each demo 1-on-1 as a weekly event from its first
/// meeting on (ids as <see cref="DemoData"/> links them), the new colleague's extra check-in, and a weekly team meeting that shows what a pane says of an
/// event that is not a 1-on-1. Runs after the database is seeded, once: the workplace file keeps what is changed later.
/// </summary>
internal sealed class DemoWorkplaceSeed(IServiceProvider services, DemoWorkplace workplace) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!workplace.IsEmpty)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
        var demoSeries = DemoData.SeriesPeople.Select(s => s.SeriesId).ToList();
        var firstMeetings = await db.Meetings.IgnoreQueryFilters()
            .Where(m => demoSeries.Contains(m.SeriesId) && db.LinkedEvents.IgnoreQueryFilters().Any(l => l.Id == m.LinkedEventId && l.IsRecurring))
            .GroupBy(m => m.SeriesId)
            .Select(g => new { SeriesId = g.Key, Start = g.Min(m => m.StartUtc), Subject = g.Min(m => m.Subject) })
            .ToListAsync(cancellationToken);
        if (firstMeetings.Count == 0)
        {
            return;
        }

        foreach (var person in DemoData.People)
        {
            workplace.AddPerson(DemoData.TenantId, person.ObjectId, person.DisplayName, person.Email);
        }

        foreach (var first in firstMeetings)
        {
            var (_, manager, report) = DemoData.SeriesPeople.Single(s => s.SeriesId == first.SeriesId);
            workplace.AddEvent(
                DemoData.TenantId, Attendee(manager), [Attendee(report), Attendee(manager)], first.Start, TimeSpan.FromMinutes(30), first.Subject ?? "1-on-1",
                repeatEveryDays: 7, id: DemoData.EventIdOf(first.SeriesId), iCalUId: DemoData.EventUidOf(first.SeriesId));
        }

        var checkIn = await db.Meetings.IgnoreQueryFilters()
            .Where(m => m.SeriesId == DemoData.OnboardingSeriesId && db.LinkedEvents.IgnoreQueryFilters().Any(l => l.Id == m.LinkedEventId && !l.IsRecurring)).Select(m => (DateTime?)m.StartUtc).FirstOrDefaultAsync(cancellationToken);
        if (checkIn is { } start)
        {
            workplace.AddEvent(
                DemoData.TenantId, Attendee(DemoData.OnboardingManager), [Attendee(DemoData.NewColleague), Attendee(DemoData.OnboardingManager)], start,
                TimeSpan.FromMinutes(30), DemoData.OnboardingCheckInSubject, repeatEveryDays: null, id: DemoData.OnboardingCheckInEventId,
                iCalUId: $"demo-uid-{DemoData.OnboardingCheckInEventId}");
        }

        var team = firstMeetings.Min(m => m.Start).AddDays(1).AddHours(4);
        workplace.AddEvent(
            DemoData.TenantId, Attendee(DemoData.Manager), DemoData.People.Where(p => !p.IsAdmin).Select(Attendee), team, TimeSpan.FromHours(1), "Teamoverleg / Team meeting", repeatEveryDays: 7, id: DemoData.TeamMeetingEventId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static CalendarAttendee Attendee(DemoPerson person) => new(person.Email, person.DisplayName);
}
