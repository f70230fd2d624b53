using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Calendar;

public enum Confirmation
{
    /// <summary>The calendar was read just now (or recently enough): the meeting is as the calendar has it.</summary>
    Confirmed,

    /// <summary>The calendar could not be read: the meeting's state is unknown.</summary>
    Unknown,
}

/// <summary>
/// Keeps the meetings in line with the calendar: occurrences become meetings before anyone opens them, a moved
/// occurrence moves its meeting, a cancelled or deleted one cancels it (its open agenda goes to the next meeting), a
/// changed attendee list pauses the event, a deleted series ends it. The follow-ups derive from the meetings by themselves.
/// </summary>
public sealed class CalendarSync(
    OneOnOneDb db, ICalendar calendar, IDirectory directory, IServiceScopeFactory scopes, IOptions<CalendarOptions> options, TimeProvider clock,
    ILogger<CalendarSync> logger)
{
    private CalendarOptions Options => options.Value;

    /// <summary>
    /// The recurring reconciliation: every followed event not read within the interval, longest-unchecked first. Organizers'
    /// calendars are read side by side (Calendar:ReconcileParallelism), each organizer's events one after another, so no
    /// mailbox sees more than one request of ours at a time (Exchange allows four).
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await RefreshPeopleAsync(now, cancellationToken);
        var checkedBefore = now - Options.ReconcileInterval;
        var due = await db.LinkedEvents.IgnoreQueryFilters()
            .Where(l => l.State != LinkedEventState.Ended && (l.CheckedUtc == null || l.CheckedUtc < checkedBefore))
            .OrderBy(l => l.CheckedUtc)
            .Select(l => new { l.Id, l.OrganizerId })
            .ToListAsync(cancellationToken);
        var failed = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Options.ReconcileParallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(due.GroupBy(l => l.OrganizerId), parallel, async (organizer, cancel) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var sync = scope.ServiceProvider.GetRequiredService<CalendarSync>();
            foreach (var link in organizer)
            {
                try
                {
                    await sync.ReconcileAsync(link.Id, cancel);
                }
                catch (CalendarUnavailableException e)
                {
                    // A lost round costs freshness only: the event is read again next time, and nothing is sent unconfirmed.
                    Interlocked.Increment(ref failed);
                    logger.LogWarning("Calendar event {LinkedEventId} could not be read: {Reason}", link.Id, e.Message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One event that cannot be applied must not stop the others.
                    Interlocked.Increment(ref failed);
                    logger.LogError(e, "Calendar event {LinkedEventId} could not be applied.", link.Id);
                }
            }
        });

        if (due.Count > 0)
        {
            logger.LogInformation("Calendar reconciliation: {Count} events read, {Failed} could not be.", due.Count, failed);
        }
    }

    /// <summary>
    /// Before a reminder or recap goes out: its occurrence as the calendar has it now (one read per event per few
    /// minutes). Works in a scope of its own, so the caller's tracked rows stay as they are: reload what you hold.
    /// </summary>
    public async Task<Confirmation> ConfirmAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var own = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
        var link = await own.Meetings.IgnoreQueryFilters().Where(m => m.Id == meetingId)
            .Select(m => own.LinkedEvents.IgnoreQueryFilters().Where(l => l.Id == m.LinkedEventId).Select(l => new { l.Id, l.CheckedUtc }).FirstOrDefault())
            .SingleOrDefaultAsync(cancellationToken);
        if (link is null)
        {
            return Confirmation.Unknown;
        }

        if (link.CheckedUtc >= clock.GetUtcNow().UtcDateTime - Options.ConfirmWithin)
        {
            return Confirmation.Confirmed;
        }

        try
        {
            await scope.ServiceProvider.GetRequiredService<CalendarSync>().ReconcileAsync(link.Id, cancellationToken);
            return Confirmation.Confirmed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Meeting {MeetingId} could not be confirmed in the calendar.", meetingId);
            return Confirmation.Unknown;
        }
    }

    /// <summary>
    /// Reads one event in its organizer's calendar and applies it. Another job may be applying the same event at this
    /// moment (both people's reminders are due together): the loser reads the winner's rows and applies again.
    /// </summary>
    public async Task ReconcileAsync(Guid linkedEventId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReconcileOnceAsync(linkedEventId, cancellationToken);
                return;
            }
            catch (DbUpdateException e) when (attempt < 3)
            {
                logger.LogInformation("Calendar event {LinkedEventId} was applied concurrently ({Message}); applying again.", linkedEventId, e.Message);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Reads one event in its organizer's calendar (application permission) and applies it.</summary>
    private async Task ReconcileOnceAsync(Guid linkedEventId, CancellationToken cancellationToken)
    {
        var link = await db.LinkedEvents.IgnoreQueryFilters()
            .Include(l => l.Organizer)
            .Include(l => l.Series).ThenInclude(s => s.Manager)
            .Include(l => l.Series).ThenInclude(s => s.Report)
            .SingleOrDefaultAsync(l => l.Id == linkedEventId, cancellationToken);
        if (link is null || link.State == LinkedEventState.Ended)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (link.Organizer.ObjectId is null)
        {
            await EndAsync(link, "The organizer's account was erased.", now, cancellationToken);
            return;
        }

        var owner = new CalendarOwner(link.TenantId, link.Organizer.ObjectId, AsSignedInCaller: false);
        link.OrganizerEventId ??= (await calendar.FindByUidAsync(owner, link.ICalUId, cancellationToken))?.Id;
        IReadOnlyList<CalendarEvent>? occurrences = null;
        if (link.OrganizerEventId is { } eventId)
        {
            occurrences = link.IsRecurring
                ? await calendar.GetOccurrencesAsync(owner, eventId, Options.WindowFrom(now), Options.WindowTo(now), cancellationToken)
                : await calendar.GetEventAsync(owner, eventId, cancellationToken) is { } single ? [single] : null;
        }

        if (occurrences is null)
        {
            await EndAsync(link, "The event is no longer in the organizer's calendar.", now, cancellationToken);
            return;
        }

        await ApplyAsync(link, occurrences, opened: null, attendeesVerified: false, organizersCalendar: true, cancellationToken);
    }

    /// <summary>
    /// Brings the meetings of <paramref name="link"/> in line with <paramref name="occurrences"/> and saves. Only the
    /// organizer's calendar is <paramref name="organizersCalendar"/>: what it lacks in the window was cancelled; an
    /// attendee's copy may lack an occurrence they declined, so from it meetings are only added and moved. Answers the
    /// meeting of <paramref name="opened"/>, which exists afterwards even when it lies outside the window, and whether it
    /// was added now.
    /// </summary>
    public async Task<(Meeting? Opened, bool OpenedIsNew)> ApplyAsync(
        LinkedEvent link, IReadOnlyList<CalendarEvent> occurrences, CalendarEvent? opened, bool attendeesVerified, bool organizersCalendar,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var from = Options.WindowFrom(now);
        var to = Options.WindowTo(now);
        if (!attendeesVerified && occurrences.FirstOrDefault(o => !o.IsCancelled) is { } sample)
        {
            var problem = await AttendeeProblemAsync(link.Series, sample, cancellationToken);
            if (problem is not null && link.State != LinkedEventState.Paused)
            {
                logger.LogInformation("Calendar event {LinkedEventId} paused: {Reason}", link.Id, problem);
            }

            link.SetState(problem is null ? LinkedEventState.Active : LinkedEventState.Paused, problem);
        }
        else if (attendeesVerified)
        {
            link.SetState(LinkedEventState.Active, null);
        }

        // An invite saved but not sent yet is in the organizer's calendar only: nothing goes to the other person until it is sent.
        if (link.State == LinkedEventState.Active && (opened ?? occurrences.FirstOrDefault())?.IsDraft == true)
        {
            link.SetState(LinkedEventState.Paused, "The invite has not been sent yet.");
        }

        var all = opened is null || occurrences.Any(o => o.Id == opened.Id || (o.OriginalStartUtc is not null && o.OriginalStartUtc == opened.OriginalStartUtc))
            ? occurrences
            : occurrences.Append(opened).ToList();
        // The window's meetings, and the opened occurrence's wherever it lies (an old invite opened again).
        var openedOriginalStart = opened?.OriginalStartUtc;
        var openedStart = opened?.StartUtc;
        var meetings = await db.Meetings.IgnoreQueryFilters()
            .Where(m => m.SeriesId == link.SeriesId
                && (m.StartUtc >= from
                    || (m.LinkedEventId == link.Id && (!link.IsRecurring || m.OriginalStartUtc >= from || m.OriginalStartUtc == openedOriginalStart))
                    || (m.LinkedEventId == null && m.StartUtc == openedStart)))
            .ToListAsync(cancellationToken);

        var seen = new HashSet<Guid>();
        var cancelled = new List<Meeting>();
        Meeting? openedMeeting = null;
        var openedIsNew = false;
        foreach (var occurrence in all)
        {
            var meeting = Find(meetings, link, occurrence);
            var isOpened = opened is not null && occurrence.Id == opened.Id;
            if (occurrence.IsCancelled && meeting is not null)
            {
                Link(meeting, link, occurrence);
                if (meeting.Status == MeetingStatus.Scheduled)
                {
                    meeting.Status = MeetingStatus.Cancelled;
                    cancelled.Add(meeting);
                }

                seen.Add(meeting.Id);
                openedMeeting = isOpened ? meeting : openedMeeting;
                continue;
            }

            if (occurrence.IsCancelled && !isOpened)
            {
                continue;
            }

            if (meeting is null)
            {
                if (occurrence.EndUtc < now && !isOpened)
                {
                    // The past is not rewritten: a meeting nobody opened before it ended is not made up afterwards.
                    continue;
                }

                if (meetings.FirstOrDefault(m => m.StartUtc == occurrence.StartUtc) is { } taken)
                {
                    // Another event of the same pair at the same time: one meeting is enough.
                    logger.LogWarning("Series {SeriesId} already has a meeting at {Start}; occurrence {EventId} is not added.", link.SeriesId, occurrence.StartUtc, occurrence.Id);
                    openedMeeting = isOpened ? taken : openedMeeting;
                    continue;
                }

                meeting = new Meeting
                {
                    TenantId = link.TenantId,
                    SeriesId = link.SeriesId,
                    Subject = Subject(occurrence),
                    StartUtc = occurrence.StartUtc,
                    EndUtc = occurrence.EndUtc,
                    Status = occurrence.IsCancelled ? MeetingStatus.Cancelled : MeetingStatus.Scheduled,
                };
                Link(meeting, link, occurrence);
                db.Meetings.Add(meeting);
                meetings.Add(meeting);
                openedIsNew |= isOpened;
            }
            else
            {
                Link(meeting, link, occurrence);
                if (meeting.StartUtc != occurrence.StartUtc && meetings.Any(m => m != meeting && m.StartUtc == occurrence.StartUtc))
                {
                    logger.LogWarning("Series {SeriesId} already has a meeting at {Start}; meeting {MeetingId} is not moved there.", link.SeriesId, occurrence.StartUtc, meeting.Id);
                }
                else
                {
                    meeting.StartUtc = occurrence.StartUtc;
                    meeting.EndUtc = occurrence.EndUtc;
                }

                if (!occurrence.IsCancelled)
                {
                    meeting.Status = MeetingStatus.Scheduled;
                }

                if (Subject(occurrence) is { Length: > 0 } subject)
                {
                    meeting.Subject = subject;
                }
            }

            seen.Add(meeting.Id);
            openedMeeting = isOpened ? meeting : openedMeeting;
        }

        // What the organizer's calendar no longer has in the window was cancelled or deleted there (one that just ended too:
        // no recap for it).
        foreach (var gone in meetings.Where(m => organizersCalendar && m.LinkedEventId == link.Id && m.Status == MeetingStatus.Scheduled
            && !seen.Contains(m.Id) && m.StartUtc >= from && m.StartUtc < to))
        {
            gone.Status = MeetingStatus.Cancelled;
            cancelled.Add(gone);
        }

        link.CheckedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        await CarryOverAgendaAsync(link.SeriesId, cancelled, cancellationToken);
        return (openedMeeting, openedIsNew);
    }

    private static Meeting? Find(List<Meeting> meetings, LinkedEvent link, CalendarEvent occurrence) =>
        link.IsRecurring && occurrence.OriginalStartUtc is { } original
            ? meetings.FirstOrDefault(m => m.LinkedEventId == link.Id && m.OriginalStartUtc == original)
                // A meeting from before the calendar was followed, at the occurrence's time: the same meeting.
                ?? meetings.FirstOrDefault(m => m.LinkedEventId == null && m.StartUtc == occurrence.StartUtc)
            : meetings.FirstOrDefault(m => m.LinkedEventId == link.Id)
                ?? meetings.FirstOrDefault(m => m.LinkedEventId == null && m.StartUtc == occurrence.StartUtc);

    private static void Link(Meeting meeting, LinkedEvent link, CalendarEvent occurrence)
    {
        meeting.LinkedEventId = link.Id;
        meeting.OriginalStartUtc = link.IsRecurring ? occurrence.OriginalStartUtc ?? occurrence.StartUtc : null;
    }

    private static string Subject(CalendarEvent occurrence)
    {
        var subject = UserText.CleanLine(occurrence.Subject);
        return subject.Length > Limits.Subject ? subject[..Limits.Subject] : subject;
    }

    /// <summary>Why the event's people are not (any more) the series' two people; null when they are.</summary>
    public async Task<string?> AttendeeProblemAsync(Series series, CalendarEvent occurrence, CancellationToken cancellationToken)
    {
        var people = occurrence.Invitees;
        if (people.Count != 2)
        {
            return $"The event has {people.Count} people.";
        }

        var found = new HashSet<Guid>();
        foreach (var attendee in people)
        {
            var address = Person.Normalize(attendee.Address);
            var participant = new[] { series.Manager, series.Report }.FirstOrDefault(p => p.NormalizedEmail == address);
            if (participant is null)
            {
                // A new address for the same person (a rename) is theirs; a new person is not the same 1-on-1.
                var user = await directory.FindByAddressAsync(series.TenantId, attendee.Address, cancellationToken);
                participant = new[] { series.Manager, series.Report }.FirstOrDefault(p => user is not null && p.ObjectId == user.ObjectId);
                if (participant is null || user is null)
                {
                    return "Someone other than the series' two people is on the event.";
                }

                participant.Refresh(user.DisplayName, user.Address);
            }

            found.Add(participant.Id);
        }

        return found.Count == 2 ? null : "The event does not have both of the series' people.";
    }

    private async Task EndAsync(LinkedEvent link, string reason, DateTime now, CancellationToken cancellationToken)
    {
        logger.LogInformation("Calendar event {LinkedEventId} ended: {Reason}", link.Id, reason);
        link.SetState(LinkedEventState.Ended, reason);
        link.CheckedUtc = now;
        var since = Options.WindowFrom(now);
        var future = await db.Meetings.IgnoreQueryFilters()
            .Where(m => m.LinkedEventId == link.Id && m.Status == MeetingStatus.Scheduled && m.StartUtc >= since)
            .ToListAsync(cancellationToken);
        foreach (var meeting in future)
        {
            meeting.Status = MeetingStatus.Cancelled;
        }

        await db.SaveChangesAsync(cancellationToken);
        await CarryOverAgendaAsync(link.SeriesId, future, cancellationToken);
    }

    /// <summary>The open talking points of a cancelled meeting go to the series' next meeting, so nobody has to add them again.</summary>
    private async Task CarryOverAgendaAsync(Guid seriesId, List<Meeting> cancelled, CancellationToken cancellationToken)
    {
        foreach (var meeting in cancelled)
        {
            var next = await db.Meetings.IgnoreQueryFilters()
                .Where(m => m.SeriesId == seriesId && m.Status == MeetingStatus.Scheduled && m.StartUtc > meeting.StartUtc)
                .OrderBy(m => m.StartUtc)
                .Select(m => (Guid?)m.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (next is { } nextId)
            {
                var version = Guid.NewGuid();
                await db.AgendaItems.IgnoreQueryFilters()
                    .Where(a => a.MeetingId == meeting.Id && a.DiscussedInMeetingId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.MeetingId, nextId).SetProperty(a => a.Version, version), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Asks the directory about the people of followed events: a new name or address is taken over, a disabled or deleted
    /// account stops their follow-ups (see FollowUpSweep.Followed) for as long as it lasts.
    /// </summary>
    public async Task RefreshPeopleAsync(DateTime now, CancellationToken cancellationToken)
    {
        var checkedBefore = now - Options.DirectoryRefreshInterval;
        var people = await db.People.IgnoreQueryFilters()
            .Where(p => p.ObjectId != null
                && (p.DirectoryCheckedUtc == null || p.DirectoryCheckedUtc < checkedBefore)
                && db.LinkedEvents.IgnoreQueryFilters().Any(l => l.State != LinkedEventState.Ended && (l.Series.ManagerId == p.Id || l.Series.ReportId == p.Id)))
            .OrderBy(p => p.DirectoryCheckedUtc)
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            DirectoryUser? user;
            try
            {
                user = await directory.GetAsync(person.TenantId, person.ObjectId!, cancellationToken);
            }
            catch (CalendarUnavailableException e)
            {
                logger.LogWarning("The directory could not be read for person {PersonId}: {Reason}", person.Id, e.Message);
                continue;
            }

            person.DirectoryCheckedUtc = now;
            person.AccountState = user is null ? AccountState.Deleted : user.AccountEnabled ? AccountState.Active : AccountState.Disabled;
            if (user is not null)
            {
                person.Refresh(user.DisplayName, user.Address);
            }
            else
            {
                // Their 1-on-1s get no follow-ups while this lasts; asked again at the next refresh, so a directory that
                // answered 404 by mistake costs a day, not the 1-on-1.
                logger.LogInformation("Person {PersonId} is not in the directory; their 1-on-1s' follow-ups stop.", person.Id);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
