using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Guide;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Prompts;

namespace OneOnOne.Api.Documents;

/// <summary>
/// Gathers what the document shows, through the context's query filters: a stranger finds no meeting, and only the
/// shared note is read (a private note never reaches the document, not even the caller's own).
/// </summary>
public static class NotesDocumentLoader
{
    public static Task<Meeting?> FindMeetingAsync(OneOnOneDb db, Guid meetingId, CancellationToken cancellationToken) =>
        db.Meetings
            .Include(m => m.Series).ThenInclude(s => s.Manager)
            .Include(m => m.Series).ThenInclude(s => s.Report)
            .AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);

    public static async Task<NotesDocumentModel> LoadAsync(
        Meeting meeting, Caller caller, string baseUrl, TimeZoneInfo zone, OneOnOneDb db, TenantGuides guides, TimeProvider clock, CancellationToken cancellationToken)
    {
        var series = meeting.Series;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var agenda = await AgendaQueries.Project(AgendaQueries.ForMeeting(db, meeting), meeting.Id).ToArrayAsync(cancellationToken);
        // The same selection as the pane: what is open, and what was created or finished in this meeting.
        var actions = await ActionQueries.Project(ActionQueries.ShownIn(db, series.Id, meeting.Id, meeting.StartUtc), today).ToArrayAsync(cancellationToken);
        var meetingsBefore = await PromptLibrary.MeetingNumberAsync(db, meeting, cancellationToken);
        var sharedNotes = await db.Notes
            .Where(n => n.MeetingId == meeting.Id && n.Visibility == NoteVisibility.Shared)
            .Select(n => n.Text)
            .FirstOrDefaultAsync(cancellationToken);

        var earlier = actions.Where(a => a.CreatedInMeetingId != meeting.Id).Select(ToDocument).ToList();
        var pool = await guides.PromptsAsync(caller.TenantId, cancellationToken);
        var prompts = PromptLibrary.ForMeeting(series.Id, meetingsBefore, series.RoleOf(caller.PersonId), hasOpenActions: earlier.Any(a => a.Status == ActionStatus.Open), pool: pool)
            .Select(p => p.Text(caller.Language))
            .ToList();

        return new NotesDocumentModel(
            meeting.Id,
            series.Id,
            baseUrl,
            caller.Language,
            series.Manager.DisplayName,
            series.Report.DisplayName,
            Local(meeting.StartUtc, zone),
            Local(meeting.EndUtc, zone),
            zone.Id,
            meeting.Goal,
            agenda.Select(a => new DocumentAgendaItem(a.Text, a.AuthorName, a.CarriedOverFrom is { } from ? Local(from.UtcDateTime, zone) : null, a.Discussed)).ToList(),
            earlier,
            actions.Where(a => a.CreatedInMeetingId == meeting.Id).Select(ToDocument).ToList(),
            prompts,
            sharedNotes ?? "");
    }

    private static DocumentAction ToDocument(ActionItemResponse a) => new(a.Id, a.Text, a.OwnerName, a.DueDate, a.Status);

    public static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
