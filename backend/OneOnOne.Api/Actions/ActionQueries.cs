using OneOnOne.Api.Data;

namespace OneOnOne.Api.Actions;

/// <summary>The action items as other features read them (the pane, the notes document) and its endpoints do.</summary>
public static class ActionQueries
{
    /// <summary>
    /// The action items a meeting shows: the open ones agreed in it or in an earlier meeting of the series (a past
    /// meeting's pane never lists one agreed later), and the done ones created or completed in this meeting (or, for the
    /// pane's "closed last time", in the previous one).
    /// </summary>
    /// <remarks>
    /// Disjoint branches, each a seek on an index, rather than one condition with OR over the series, which read
    /// every action the series ever had.
    /// </remarks>
    public static IQueryable<ActionItem> ShownIn(OneOnOneDb db, Guid seriesId, Guid meetingId, DateTime meetingStartUtc, Guid? previousMeetingId = null)
    {
        var shown = db.ActionItems.Where(a => a.SeriesId == seriesId && a.Status == ActionStatus.Open
                && (a.CreatedInMeetingId == meetingId || db.Meetings.Any(m => m.Id == a.CreatedInMeetingId && m.StartUtc < meetingStartUtc)))
            .Concat(db.ActionItems.Where(a => a.CreatedInMeetingId == meetingId && a.Status == ActionStatus.Done))
            .Concat(db.ActionItems.Where(a => a.CompletedInMeetingId == meetingId && a.Status == ActionStatus.Done && a.CreatedInMeetingId != meetingId));
        return previousMeetingId is { } previous
            ? shown.Concat(db.ActionItems.Where(a => a.CompletedInMeetingId == previous && a.Status == ActionStatus.Done && a.CreatedInMeetingId != meetingId))
            : shown;
    }

    public static IQueryable<ActionItemResponse> Project(IQueryable<ActionItem> actions, DateOnly today) =>
        actions
            .OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.CreatedUtc)
            .Select(a => new ActionItemResponse(
                a.Id,
                a.Text,
                a.OwnerId,
                a.Owner.DisplayName,
                a.DueDate,
                a.Status,
                a.Status == ActionStatus.Open && a.DueDate < today,
                a.CreatedInMeetingId,
                a.CompletedInMeetingId,
                a.CompletedUtc == null ? null : new DateTimeOffset(a.CompletedUtc.Value),
                a.Version));
}
