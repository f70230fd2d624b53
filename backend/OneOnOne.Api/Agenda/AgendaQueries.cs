using OneOnOne.Api.Data;

namespace OneOnOne.Api.Agenda;

/// <summary>The agenda as other features read it (the pane, the notes document, the mails) and its endpoints do.</summary>
public static class AgendaQueries
{
    /// <summary>
    /// The agenda of a meeting: its own items, plus the items of earlier meetings of the series that were not
    /// discussed yet (carried over, never copied; a template's standing items excepted, every meeting has its own),
    /// plus those discussed in this meeting.
    /// </summary>
    public static IQueryable<AgendaItem> ForMeeting(OneOnOneDb db, Meeting meeting) =>
        ForMeeting(db, meeting.Id, meeting.SeriesId, meeting.StartUtc);

    /// <remarks>
    /// Three disjoint branches, each a seek on an index, rather than one condition with OR over the series: that
    /// read every item the series ever had, so the agenda got slower with every meeting held.
    /// </remarks>
    public static IQueryable<AgendaItem> ForMeeting(OneOnOneDb db, Guid meetingId, Guid seriesId, DateTime meetingStartUtc) =>
        db.AgendaItems.Where(a => a.MeetingId == meetingId)
            .Concat(db.AgendaItems.Where(a => a.SeriesId == seriesId && a.DiscussedInMeetingId == null && !a.IsStanding && a.Meeting.StartUtc < meetingStartUtc))
            .Concat(db.AgendaItems.Where(a => a.SeriesId == seriesId && a.DiscussedInMeetingId == meetingId && a.Meeting.StartUtc < meetingStartUtc));

    public static IQueryable<AgendaItemResponse> Project(IQueryable<AgendaItem> items, Guid meetingId) =>
        items
            .OrderBy(a => a.Position).ThenBy(a => a.CreatedUtc)
            .Select(a => new AgendaItemResponse(
                a.Id,
                a.Text,
                a.AuthorId,
                a.Author.DisplayName,
                a.Position,
                a.DiscussedInMeetingId == meetingId,
                a.MeetingId != meetingId,
                a.MeetingId != meetingId ? new DateTimeOffset(a.Meeting.StartUtc) : null,
                a.PromptKey,
                a.Version));
}
