using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Meetings;

/// <summary>
/// The event open in Outlook, by its REST id (Office.js <c>convertToRestId</c>). Nothing else in the body counts: the
/// backend reads the event from the caller's own calendar.
/// </summary>
public sealed record ResolveMeetingRequest(string? EventId) : IOpenApiExample
{
    public static string Example => """{ "eventId": "AAMkAGI2TG93AAABEgAQAO5ZxY1XvkhIlsS5T6JcHtU=" }""";
}

public sealed record ResolveMeetingResponse(Guid MeetingId, Guid SeriesId, ParticipantRole Role, bool Created, Guid? NextMeetingId);

/// <summary>
/// Turns an Outlook event into the 1-on-1 it belongs to. The event is read from the caller's own calendar on their
/// behalf; its two people are looked up in the directory; the pair's series is found or created (organizer as manager),
/// the event is linked to it, and its occurrences over the coming weeks become meetings.
/// </summary>
public static class ResolveMeeting
{
    public static async Task<Results<Ok<ResolveMeetingResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        ResolveMeetingRequest request, Caller caller, OneOnOneDb db, ICalendar calendar, IDirectory directory, CalendarSync sync,
        IOptions<CalendarOptions> options, TimeProvider clock, HttpContext context, ILogger<ResolveMeetingRequest> logger, CancellationToken cancellationToken)
    {
        var validation = new Validation(caller.Language);
        var eventId = validation.Text("eventId", request.EventId, Limits.OutlookId);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var language = ProblemSetup.LanguageOf(context);
        var owner = new CalendarOwner(caller.TenantId, caller.Person.ObjectId!, AsSignedInCaller: true);
        try
        {
            var opened = await calendar.GetEventAsync(owner, eventId, cancellationToken);
            var master = opened is { Type: CalendarEventType.Occurrence or CalendarEventType.Exception, SeriesMasterId: { } masterId }
                ? await calendar.GetEventAsync(owner, masterId, cancellationToken)
                : opened;
            if (opened is null || master is null)
            {
                return ProblemSetup.Problem(context, StatusCodes.Status404NotFound, MeetingTexts.EventNotInCalendar);
            }

            var (people, refusal) = await ReadPeopleAsync(opened, caller, directory, language, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var occurrences = master.Type == CalendarEventType.SeriesMaster
                ? await calendar.GetOccurrencesAsync(owner, master.Id, options.Value.WindowFrom(now), options.Value.WindowTo(now), cancellationToken) ?? []
                : [opened];
            if (opened.Type == CalendarEventType.SeriesMaster)
            {
                // The organizer opened the whole series: its pane is the next occurrence's.
                opened = occurrences.FirstOrDefault(o => !o.IsCancelled && o.EndUtc >= now) ?? occurrences.LastOrDefault(o => !o.IsCancelled);
                if (opened is null)
                {
                    return ProblemSetup.Problem(context, StatusCodes.Status404NotFound, MeetingTexts.EventNotInCalendar);
                }
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return TypedResults.Ok(await LinkAsync(db, sync, caller, people, opened, master, occurrences, cancellationToken));
                }
                catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < 3)
                {
                    // Both people opened the invite at the same moment: the other request made the rows; read theirs.
                    logger.LogInformation("Resolve raced another request ({Message}); reading again.", e.Message);
                    db.ChangeTracker.Clear();
                }
            }
        }
        catch (CalendarUnavailableException e)
        {
            logger.LogWarning("Resolve could not read the calendar or directory: {Reason}", e.Message);
            if (e.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            // The problem's texts are the server's "try again in a moment; nothing was lost".
            return ProblemSetup.Problem(context, StatusCodes.Status503ServiceUnavailable);
        }
    }

    private sealed record Participant(DirectoryUser User, bool IsOrganizer);

    /// <summary>The event's two people as the directory knows them, or why the event is not a 1-on-1 the product supports.</summary>
    private static async Task<(List<Participant> People, ProblemHttpResult? Refusal)> ReadPeopleAsync(
        CalendarEvent opened, Caller caller, IDirectory directory, string language, CancellationToken cancellationToken)
    {
        var invited = opened.Invitees;
        if (invited.Count != 2)
        {
            return ([], NotAOneOnOne(language, MeetingTexts.NotAOneOnOneCount, invited.Count));
        }

        var people = new List<Participant>();
        foreach (var attendee in invited)
        {
            var user = await directory.FindByAddressAsync(caller.TenantId, attendee.Address, cancellationToken);
            if (user is null || user.IsGuest)
            {
                return ([], NotAOneOnOne(language, user is null ? MeetingTexts.NotAOneOnOneOutsider : MeetingTexts.NotAOneOnOneGuest, attendee.Name ?? attendee.Address));
            }

            var isOrganizer = opened.Organizer is { } organizer && CalendarEvent.NormalizeAddress(organizer.Address) == CalendarEvent.NormalizeAddress(attendee.Address);
            people.Add(new Participant(user, isOrganizer));
        }

        if (!people.Any(p => p.User.ObjectId == caller.Person.ObjectId) || people[0].User.ObjectId == people[1].User.ObjectId)
        {
            return ([], NotAOneOnOne(language, MeetingTexts.NotAOneOnOneWithoutYou));
        }

        return (people, null);
    }

    private static async Task<ResolveMeetingResponse> LinkAsync(
        OneOnOneDb db, CalendarSync sync, Caller caller, List<Participant> people, CalendarEvent opened, CalendarEvent master,
        IReadOnlyList<CalendarEvent> occurrences, CancellationToken cancellationToken)
    {
        var me = people.Single(p => p.User.ObjectId == caller.Person.ObjectId);
        var other = people.Single(p => p != me);
        var otherPerson = await FindOrAddPersonAsync(db, caller.TenantId, other.User, cancellationToken);
        var organizer = other.IsOrganizer ? otherPerson : caller.Person;
        var series = await FindOrAddSeriesAsync(
            db, caller.TenantId, managerId: organizer.Id, reportId: organizer.Id == otherPerson.Id ? caller.PersonId : otherPerson.Id, cancellationToken);

        var uid = master.ICalUId ?? master.Id;
        var link = await db.LinkedEvents.IgnoreQueryFilters().FirstOrDefaultAsync(l => l.TenantId == caller.TenantId && l.ICalUId == uid, cancellationToken);
        if (link is null)
        {
            link = new LinkedEvent { TenantId = caller.TenantId, ICalUId = uid };
            db.LinkedEvents.Add(link);
        }

        // The event now belongs to this pair, as its organizer has it.
        link.SeriesId = series.Id;
        link.OrganizerId = organizer.Id;
        link.IsRecurring = master.Type == CalendarEventType.SeriesMaster;
        if (organizer.Id == caller.PersonId)
        {
            link.OrganizerEventId = master.Id;
        }

        await db.Entry(series).Reference(s => s.Manager).LoadAsync(cancellationToken);
        await db.Entry(series).Reference(s => s.Report).LoadAsync(cancellationToken);
        // The caller's copy of the event: an attendee's lacks what they declined, so only the organizer's cancels meetings.
        var (opening, created) = await sync.ApplyAsync(link, occurrences, opened, attendeesVerified: true, organizersCalendar: organizer.Id == caller.PersonId, cancellationToken);
        var meeting = opening ?? throw new InvalidOperationException("The opened occurrence has no meeting.");
        var next = await db.Meetings.IgnoreQueryFilters()
            .Where(m => m.SeriesId == series.Id && m.Status == MeetingStatus.Scheduled && m.StartUtc > meeting.StartUtc)
            .OrderBy(m => m.StartUtc)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return new ResolveMeetingResponse(meeting.Id, series.Id, series.RoleOf(caller.PersonId), created, next);
    }

    private static ProblemHttpResult NotAOneOnOne(string language, Text reason, params object[] args) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = MeetingTexts.NotAOneOnOneTitle.In(language),
            Detail = reason.In(language, args),
        });

    /// <summary>The person with this directory object id, with the directory's name and address; added when new.</summary>
    private static async Task<Person> FindOrAddPersonAsync(OneOnOneDb db, string tenantId, DirectoryUser user, CancellationToken cancellationToken)
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.ObjectId == user.ObjectId, cancellationToken);
        if (person is null)
        {
            person = new Person { TenantId = tenantId, ObjectId = user.ObjectId, DisplayName = user.ObjectId };
            db.People.Add(person);
        }

        person.Refresh(user.DisplayName, user.Address);
        person.AccountState = user.AccountEnabled ? AccountState.Active : AccountState.Disabled;
        await db.SaveChangesAsync(cancellationToken);
        return person;
    }

    private static async Task<Series> FindOrAddSeriesAsync(OneOnOneDb db, string tenantId, Guid managerId, Guid reportId, CancellationToken cancellationToken)
    {
        var pairKey = Series.PairKeyOf(managerId, reportId);
        var series = await db.Series.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.TenantId == tenantId && s.PairKey == pairKey, cancellationToken);
        if (series is not null)
        {
            return series;
        }

        series = new Series { TenantId = tenantId };
        series.SetParticipants(managerId, reportId);
        db.Series.Add(series);
        await db.SaveChangesAsync(cancellationToken);
        return series;
    }
}
