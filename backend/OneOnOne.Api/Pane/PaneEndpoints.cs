using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Notes;
using OneOnOne.Api.Prompts;

namespace OneOnOne.Api.Pane;

public sealed record PaneResponse(
    PaneMeeting Meeting,
    PaneParticipant[] Participants,
    PaneMeetingReference? PreviousMeeting,
    PaneMeetingReference? NextMeeting,
    AgendaItemResponse[] Agenda,
    ActionItemResponse[] OpenActions,
    ActionItemResponse[] ClosedInPreviousMeeting,
    ActionItemResponse[] NewActions,
    PromptResponse[] Prompts,
    MeetingNotesResponse Notes,
    SeriesHealth Health,
    string Language);

public sealed record PaneMeeting(
    Guid Id, Guid SeriesId, DateTimeOffset Start, DateTimeOffset End, string Subject, string? Goal, MeetingStatus Status,
    ParticipantRole MyRole, Guid Version, Guid SeriesVersion);

public sealed record PaneParticipant(Guid Id, string DisplayName, string Email, ParticipantRole Role, bool IsMe);

public sealed record PaneMeetingReference(Guid Id, DateTimeOffset Start);

public sealed record PromptResponse(string Key, PromptTheme Theme, string Text);

/// <summary>A glance at how the series is going.</summary>
public sealed record SeriesHealth(int MeetingsHeld, int ActionsTotal, int ActionsDone, int ActionsDoneOnTime, int ActionsOpen, int ActionsOverdue);

/// <summary>
/// Everything the Outlook pane shows, in one round trip and a fixed number of queries however long the
/// series' history is.
/// </summary>
public static class PaneEndpoints
{
    public static IEndpointRouteBuilder MapPaneEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/meetings/{meetingId:guid}/pane", GetAsync)
            .WithTags("Pane")
            .WithSummary("The meeting, its people, agenda, actions, prompts, notes and the series' health in one answer.")
            .RequireAuthorization();
        app.MapGet("/api/meetings/next/pane", GetNextAsync)
            .WithTags("Pane")
            .WithSummary("The pane of the caller's next meeting (the first of GET /api/meetings/upcoming).")
            .WithDescription("Lets the preview outside Outlook show its first view with one request; 404 when no 1-on-1 is coming up.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization();
        return app;
    }

    public static async Task<Results<Ok<PaneResponse>, NotFound>> GetAsync(
        Guid meetingId, Caller caller, OneOnOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings
            .Include(m => m.Series).ThenInclude(s => s.Manager)
            .Include(m => m.Series).ThenInclude(s => s.Report)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var series = meeting.Series;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var scheduled = db.Meetings.Where(m => m.SeriesId == series.Id && m.Status == MeetingStatus.Scheduled);

        var previous = await scheduled.Where(m => m.StartUtc < meeting.StartUtc).OrderByDescending(m => m.StartUtc)
            .Select(m => new { m.Id, m.StartUtc }).FirstOrDefaultAsync(cancellationToken);
        var next = await scheduled.Where(m => m.StartUtc > meeting.StartUtc).OrderBy(m => m.StartUtc)
            .Select(m => new { m.Id, m.StartUtc }).FirstOrDefaultAsync(cancellationToken);
        var agenda = await AgendaEndpoints.Project(AgendaEndpoints.ForMeeting(db, meeting), meeting.Id).ToArrayAsync(cancellationToken);

        var previousId = previous?.Id;
        var actions = await ActionsEndpoints.Project(
                db.ActionItems.Where(a => a.SeriesId == series.Id
                    && (a.Status == ActionStatus.Open || a.CreatedInMeetingId == meeting.Id
                        || a.CompletedInMeetingId == meeting.Id || (previousId != null && a.CompletedInMeetingId == previousId))),
                today)
            .ToArrayAsync(cancellationToken);
        // One statement for every count, so the number of queries does not grow with the history.
        var stats = await db.Series.Where(s => s.Id == series.Id)
            .Select(s => new
            {
                MeetingsBefore = db.Meetings.Count(m => m.SeriesId == s.Id && m.Status == MeetingStatus.Scheduled && m.StartUtc < meeting.StartUtc),
                MeetingsHeld = db.Meetings.Count(m => m.SeriesId == s.Id && m.Status == MeetingStatus.Scheduled && m.EndUtc <= now),
                ActionsTotal = db.ActionItems.Count(a => a.SeriesId == s.Id),
                ActionsDone = db.ActionItems.Count(a => a.SeriesId == s.Id && a.Status == ActionStatus.Done),
                ActionsDoneOnTime = db.ActionItems.Count(a => a.SeriesId == s.Id && a.Status == ActionStatus.Done
                    && (a.DueDate == null || DateOnly.FromDateTime(a.CompletedUtc!.Value) <= a.DueDate)),
                ActionsOverdue = db.ActionItems.Count(a => a.SeriesId == s.Id && a.Status == ActionStatus.Open && a.DueDate < today),
            })
            .SingleAsync(cancellationToken);

        var notes = await db.Notes.Where(n => n.MeetingId == meeting.Id).ToListAsync(cancellationToken);

        var role = series.RoleOf(caller.PersonId);
        var openActions = actions.Where(a => a.CreatedInMeetingId != meeting.Id && (a.Status == ActionStatus.Open || a.CompletedInMeetingId == meeting.Id)).ToArray();
        var prompts = PromptLibrary.ForMeeting(series.Id, stats.MeetingsBefore, role, hasOpenActions: openActions.Any(a => a.Status == ActionStatus.Open))
            .Select(p => new PromptResponse(p.Key, p.Theme, p.Text(caller.Language)))
            .ToArray();

        return TypedResults.Ok(new PaneResponse(
            new PaneMeeting(meeting.Id, series.Id, Utc(meeting.StartUtc), Utc(meeting.EndUtc), meeting.Subject, meeting.Goal, meeting.Status, role, meeting.Version, series.Version),
            [Participant(series.Manager, ParticipantRole.Manager, caller), Participant(series.Report, ParticipantRole.Report, caller)],
            previous is null ? null : new PaneMeetingReference(previous.Id, Utc(previous.StartUtc)),
            next is null ? null : new PaneMeetingReference(next.Id, Utc(next.StartUtc)),
            agenda,
            openActions,
            actions.Where(a => previousId != null && a.CompletedInMeetingId == previousId && a.CreatedInMeetingId != meeting.Id).ToArray(),
            actions.Where(a => a.CreatedInMeetingId == meeting.Id).ToArray(),
            prompts,
            NotesEndpoints.ToResponse(notes),
            new SeriesHealth(
                stats.MeetingsHeld,
                stats.ActionsTotal,
                stats.ActionsDone,
                stats.ActionsDoneOnTime,
                stats.ActionsTotal - stats.ActionsDone,
                stats.ActionsOverdue),
            caller.Language));
    }

    private static PaneParticipant Participant(Person person, ParticipantRole role, Caller caller) =>
        new(person.Id, person.DisplayName, person.Email, role, person.Id == caller.PersonId);

    private static DateTimeOffset Utc(DateTime utc) => new(utc, TimeSpan.Zero);

    // Kept apart from GetAsync (and with qualified names) so the pane's own query can change without touching this.
    private static async Task<Results<Ok<PaneResponse>, NotFound, ProblemHttpResult>> GetNextAsync(
        Caller caller, OneOnOneDb db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var next = await Meetings.MeetingsEndpoints.Upcoming(db, clock.GetUtcNow().UtcDateTime)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is not { } meetingId)
        {
            return Hosting.ProblemSetup.Problem(context, StatusCodes.Status404NotFound, Localization.Texts.NoUpcomingMeeting);
        }

        return (await GetAsync(meetingId, caller, db, clock, cancellationToken)).Result switch
        {
            Ok<PaneResponse> pane => pane,
            // Cancelled or deleted between the two queries.
            _ => TypedResults.NotFound(),
        };
    }
}
