using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Calendar;

public enum DemoCalendarChange
{
    /// <summary>The occurrence one day later.</summary>
    Move,

    Cancel,

    /// <summary>A third person (the demo colleague) invited to the whole series.</summary>
    AddAttendee,

    /// <summary>The occurrence where the series has it, and only the two people invited again.</summary>
    Restore,
}

/// <summary>
/// The preview's controls over the demo calendar: change the demo meeting as an organizer would in Outlook, and the
/// meetings and follow-ups follow by the same path as in production (the calendar is read again, nothing is told).
/// </summary>
public static class DemoCalendarEndpoints
{
    public static IEndpointRouteBuilder MapDemoCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<DemoWorkplace>() is null || app.ServiceProvider.GetRequiredService<AuthenticationSettings>().Mode != AuthenticationMode.Development)
        {
            return app;
        }

        var calendar = app.MapGroup("/dev/calendar").WithTags("Development sign-in").RequireAuthorization();
        calendar.MapPost("/meetings/{meetingId:guid}/{change}", ChangeAsync)
            .WithSummary("Changes the meeting's event in the demo calendar (move, cancel, addAttendee, restore), then reads the calendar again.");
        return app;
    }

    private static async Task<Results<NoContent, NotFound>> ChangeAsync(
        Guid meetingId, DemoCalendarChange change, Caller caller, OneOnOneDb db, DemoWorkplace workplace, CalendarSync sync, CancellationToken cancellationToken)
    {
        // Through the query filters: only a participant's own meeting.
        var meeting = await db.Meetings.Include(m => m.Series).ThenInclude(s => s.Manager).Include(m => m.Series).ThenInclude(s => s.Report)
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var link = meeting?.LinkedEventId is { } linkId ? await db.LinkedEvents.FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken) : null;
        if (meeting is null || link?.OrganizerEventId is not { } eventId)
        {
            return TypedResults.NotFound();
        }

        var original = meeting.OriginalStartUtc ?? meeting.StartUtc;
        switch (change)
        {
            case DemoCalendarChange.Move:
                workplace.MoveOccurrence(eventId, original, meeting.StartUtc.AddDays(1));
                break;
            case DemoCalendarChange.Cancel:
                workplace.CancelOccurrence(eventId, original);
                break;
            case DemoCalendarChange.AddAttendee:
                workplace.SetAttendees(eventId, [Attendee(meeting.Series.Report), Attendee(meeting.Series.Manager), new(DemoData.Stranger.Email, DemoData.Stranger.DisplayName)]);
                break;
            default:
                workplace.RestoreOccurrence(eventId, original);
                workplace.SetAttendees(eventId, [Attendee(meeting.Series.Report), Attendee(meeting.Series.Manager)]);
                break;
        }

        await sync.ReconcileAsync(link.Id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static CalendarAttendee Attendee(Person person) => new(person.Email, person.DisplayName);
}
