using OneOnOne.Api.Data;

namespace OneOnOne.Api.Meetings;

/// <summary>The meetings as other features read them (the pane of the next meeting) and its endpoints do.</summary>
public static class MeetingQueries
{
    /// <summary>
    /// The caller's next meeting in each of their 1-on-1s (one in progress included), soonest first; the query filter
    /// keeps it to the caller's own series. Shared with the pane of the next meeting.
    /// </summary>
    public static IQueryable<Meeting> Upcoming(OneOnOneDb db, DateTime nowUtc) => db.Meetings
        .Where(m => m.Status == MeetingStatus.Scheduled && m.EndUtc > nowUtc)
        .Where(m => !db.Meetings.Any(earlier => earlier.SeriesId == m.SeriesId && earlier.Status == MeetingStatus.Scheduled
            && earlier.EndUtc > nowUtc && earlier.StartUtc < m.StartUtc))
        .OrderBy(m => m.StartUtc);
}
