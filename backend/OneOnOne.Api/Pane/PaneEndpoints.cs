using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Guide;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Meetings;
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
    string Language,
    PaneTemplate[] Templates,
    string? TemplateKey);

/// <summary>An agenda template of the organisation's guide the series may choose, named in the caller's language.</summary>
public sealed record PaneTemplate(string Key, string Name, string[] StandingItems);

/// <param name="CalendarState">
/// How the calendar event the meeting comes from is followed: paused while its attendees are not the series' two people,
/// ended when it was deleted; null for a meeting from before the calendar was followed. Follow-ups go out only when Active.
/// </param>
public sealed record PaneMeeting(
    Guid Id, Guid SeriesId, DateTimeOffset Start, DateTimeOffset End, string Subject, string? Goal, MeetingStatus Status,
    ParticipantRole MyRole, Guid Version, Guid SeriesVersion, LinkedEventState? CalendarState);

public sealed record PaneParticipant(Guid Id, string DisplayName, string Email, ParticipantRole Role, bool IsMe);

public sealed record PaneMeetingReference(Guid Id, DateTimeOffset Start);

public sealed record PromptResponse(string Key, PromptTheme Theme, string Text);

/// <summary>A glance at how the series is going.</summary>
public sealed record SeriesHealth(int MeetingsHeld, int ActionsTotal, int ActionsDone, int ActionsDoneOnTime, int ActionsOpen, int ActionsOverdue);

/// <summary>
/// Everything the Outlook pane shows, in one round trip and a fixed number of queries, each reading
/// indexes, so it does not slow down as the series' history grows.
/// </summary>
public static class PaneEndpoints
{
    public static IEndpointRouteBuilder MapPaneEndpoints(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/meetings").WithTags("Pane").RequireAuthorization();
        meetings.MapGet("/{meetingId:guid}/pane", GetAsync)
            .Produces<PaneResponse>()
            .WithSummary("The meeting, its people, agenda, actions, prompts, notes and the series' health in one answer.");
        meetings.MapGet("/next/pane", GetNextAsync)
            .Produces<PaneResponse>()
            .WithSummary("The pane of the caller's next meeting (the first of GET /api/meetings/upcoming).")
            .WithDescription("Lets the preview outside Outlook show its first view with one request; 404 when no 1-on-1 is coming up.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<Results<JsonHttpResult<PaneResponse>, NotFound>> GetAsync(
        Guid meetingId, Caller caller, OneOnOneDb db, TenantGuides guides, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        // One connection for the four statements: opening and returning a pooled connection per statement cost
        // about a quarter of the pane's time under load. The context closes it when the request ends.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var header = await FirstHeader.For(db)(db, meetingId, caller.TenantId, caller.PersonId, now, today);
        if (header is null)
        {
            return TypedResults.NotFound();
        }

        // Both are scoped to the meeting and series the header has just shown the caller may see (see Header), so
        // the per-row filters would only repeat that check in every branch. Notes keep their filter: it is the one
        // that hides the other person's private note.
        var agenda = await AgendaQueries.Project(AgendaQueries.ForMeeting(db, meetingId, header.SeriesId, header.StartUtc), meetingId)
            .IgnoreQueryFilters().ToArrayAsync(cancellationToken);
        var actions = await ActionQueries.Project(ActionQueries.ShownIn(db, header.SeriesId, meetingId, header.StartUtc, header.PreviousId), today)
            .IgnoreQueryFilters().ToArrayAsync(cancellationToken);
        var notes = await db.Notes.AsNoTracking().Where(n => n.MeetingId == meetingId).ToListAsync(cancellationToken);

        var role = header.Manager.Id == caller.PersonId ? ParticipantRole.Manager : ParticipantRole.Report;
        var openActions = actions.Where(a => a.CreatedInMeetingId != meetingId && (a.Status == ActionStatus.Open || a.CompletedInMeetingId == meetingId)).ToArray();
        var own = await guides.OwnAsync(caller.TenantId, cancellationToken);
        var prompts = PromptLibrary.ForMeeting(
                header.SeriesId, header.MeetingsBefore, role, hasOpenActions: openActions.Any(a => a.Status == ActionStatus.Open), pool: own?.Prompts)
            .Select(p => new PromptResponse(p.Key, p.Theme, p.Text(caller.Language)))
            .ToArray();
        var templates = (own?.Guide.Templates ?? [])
            .Select(t => new PaneTemplate(t.Key, t.Name.In(caller.Language), t.StandingItems.Select(i => i.In(caller.Language)).ToArray()))
            .ToArray();

        return TypedResults.Json(new PaneResponse(
            new PaneMeeting(meetingId, header.SeriesId, Utc(header.StartUtc), Utc(header.EndUtc), header.Subject, header.Goal, header.Status, role, header.Version, header.SeriesVersion, header.CalendarState),
            [Participant(header.Manager, ParticipantRole.Manager, caller), Participant(header.Report, ParticipantRole.Report, caller)],
            header is { PreviousId: { } previousId, PreviousStartUtc: { } previousStart } ? new PaneMeetingReference(previousId, Utc(previousStart)) : null,
            header is { NextId: { } nextId, NextStartUtc: { } nextStart } ? new PaneMeetingReference(nextId, Utc(nextStart)) : null,
            agenda,
            openActions,
            actions.Where(a => header.PreviousId != null && a.CompletedInMeetingId == header.PreviousId && a.CreatedInMeetingId != meetingId).ToArray(),
            actions.Where(a => a.CreatedInMeetingId == meetingId).ToArray(),
            prompts,
            MeetingNotesResponse.From(notes),
            new SeriesHealth(
                header.MeetingsHeld,
                header.ActionsOpen + header.ActionsDone,
                header.ActionsDone,
                header.ActionsDoneOnTime,
                header.ActionsOpen,
                header.ActionsOverdue),
            caller.Language,
            templates,
            header.TemplateKey), PaneJson.Default.PaneResponse);
    }

    /// <summary>
    /// The meeting, its people, its neighbours and the series' counts in one statement. Every count reads one
    /// index (see the configurations of Meeting and ActionItem), never the rows.
    /// </summary>
    /// <remarks>
    /// The one place that checks access itself instead of through the context's query filters: the condition on
    /// the meeting's series is the Series filter's, and every subquery is tied to that series. With the filters,
    /// each of the ten subqueries joined the series again; on SQLite, preparing that statement was the largest
    /// part of the pane's time under load (a CPU trace; figures in docs/benchmarks.md, "Load").
    /// </remarks>
    internal static readonly Expression<Func<OneOnOneDb, Guid, string, Guid, DateTime, DateOnly, IQueryable<PaneHeader>>> Header =
        (db, meetingId, tenantId, personId, now, today) => db.Meetings.AsNoTracking().IgnoreQueryFilters()
            .Where(m => m.Id == meetingId && m.Series.TenantId == tenantId
                && (m.Series.ManagerId == personId || m.Series.ReportId == personId)
                && db.People.Any(p => p.Id == personId && p.ObjectId != null))
            .Select(m => new PaneHeader
            {
                SeriesId = m.SeriesId,
                StartUtc = m.StartUtc,
                EndUtc = m.EndUtc,
                Subject = m.Subject,
                Goal = m.Goal,
                Status = m.Status,
                CalendarState = db.LinkedEvents.Where(l => l.Id == m.LinkedEventId).Select(l => (LinkedEventState?)l.State).FirstOrDefault(),
                Version = m.Version,
                SeriesVersion = m.Series.Version,
                TemplateKey = m.Series.TemplateKey,
                Manager = new PaneHeaderPerson(m.Series.Manager.Id, m.Series.Manager.DisplayName, m.Series.Manager.Email),
                Report = new PaneHeaderPerson(m.Series.Report.Id, m.Series.Report.DisplayName, m.Series.Report.Email),
                PreviousId = db.Meetings
                    .Where(p => p.SeriesId == m.SeriesId && p.Status == MeetingStatus.Scheduled && p.StartUtc < m.StartUtc)
                    .OrderByDescending(p => p.StartUtc).Select(p => (Guid?)p.Id).FirstOrDefault(),
                PreviousStartUtc = db.Meetings
                    .Where(p => p.SeriesId == m.SeriesId && p.Status == MeetingStatus.Scheduled && p.StartUtc < m.StartUtc)
                    .OrderByDescending(p => p.StartUtc).Select(p => (DateTime?)p.StartUtc).FirstOrDefault(),
                NextId = db.Meetings
                    .Where(p => p.SeriesId == m.SeriesId && p.Status == MeetingStatus.Scheduled && p.StartUtc > m.StartUtc)
                    .OrderBy(p => p.StartUtc).Select(p => (Guid?)p.Id).FirstOrDefault(),
                NextStartUtc = db.Meetings
                    .Where(p => p.SeriesId == m.SeriesId && p.Status == MeetingStatus.Scheduled && p.StartUtc > m.StartUtc)
                    .OrderBy(p => p.StartUtc).Select(p => (DateTime?)p.StartUtc).FirstOrDefault(),
                // As PromptLibrary.MeetingNumberAsync, inline: a method call cannot be translated inside the projection.
                MeetingsBefore = db.Meetings.Count(p => p.SeriesId == m.SeriesId && p.Status == MeetingStatus.Scheduled && p.StartUtc < m.StartUtc),
                MeetingsHeld = db.Meetings.Count(p => p.SeriesId == m.SeriesId && p.Status == MeetingStatus.Scheduled && p.EndUtc <= now),
                // Open and done are all there is. The open ones are few and counted; the done ones grow with the series'
                // history, so the series keeps their counts (ActionTally).
                ActionsOpen = db.ActionItems.Count(a => a.SeriesId == m.SeriesId && a.Status == ActionStatus.Open),
                ActionsDone = m.Series.ActionsDone,
                ActionsDoneOnTime = m.Series.ActionsDoneOnTime,
                ActionsOverdue = db.ActionItems.Count(a => a.SeriesId == m.SeriesId && a.Status == ActionStatus.Open && a.DueDate < today),
            });

    // The header is the pane's largest query: as a LINQ query, EF walked and hashed its expression on every request.
    private static readonly CompiledPerModel<Func<OneOnOneDb, Guid, string, Guid, DateTime, DateOnly, Task<PaneHeader?>>> FirstHeader = new(() =>
        EF.CompileAsyncQuery(Expression.Lambda<Func<OneOnOneDb, Guid, string, Guid, DateTime, DateOnly, PaneHeader?>>(
            Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(PaneHeader)], Header.Body), Header.Parameters)));

    internal sealed class PaneHeader
    {
        public Guid SeriesId { get; init; }
        public DateTime StartUtc { get; init; }
        public DateTime EndUtc { get; init; }
        public required string Subject { get; init; }
        public string? Goal { get; init; }
        public MeetingStatus Status { get; init; }
        public LinkedEventState? CalendarState { get; init; }
        public Guid Version { get; init; }
        public Guid SeriesVersion { get; init; }

        public string? TemplateKey { get; init; }
        public required PaneHeaderPerson Manager { get; init; }
        public required PaneHeaderPerson Report { get; init; }
        public Guid? PreviousId { get; init; }
        public DateTime? PreviousStartUtc { get; init; }
        public Guid? NextId { get; init; }
        public DateTime? NextStartUtc { get; init; }
        public int MeetingsBefore { get; init; }
        public int MeetingsHeld { get; init; }
        public int ActionsOpen { get; init; }
        public int ActionsDone { get; init; }
        public int ActionsDoneOnTime { get; init; }
        public int ActionsOverdue { get; init; }
    }

    internal sealed record PaneHeaderPerson(Guid Id, string DisplayName, string Email);

    private static PaneParticipant Participant(PaneHeaderPerson person, ParticipantRole role, Caller caller) =>
        new(person.Id, person.DisplayName, person.Email, role, person.Id == caller.PersonId);

    private static DateTimeOffset Utc(DateTime utc) => new(utc, TimeSpan.Zero);

    private static async Task<Results<JsonHttpResult<PaneResponse>, ProblemHttpResult>> GetNextAsync(
        Caller caller, OneOnOneDb db, TenantGuides guides, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var next = await MeetingQueries.Upcoming(db, clock.GetUtcNow().UtcDateTime)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        // Not found again when it was cancelled or deleted between the two queries.
        return next is { } meetingId && (await GetAsync(meetingId, caller, db, guides, clock, cancellationToken)).Result is JsonHttpResult<PaneResponse> pane
            ? pane
            : ProblemSetup.Problem(context, StatusCodes.Status404NotFound, PaneTexts.NoUpcomingMeeting);
    }
}
