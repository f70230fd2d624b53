using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Live;

/// <summary>
/// The panes' live channel. A pane joins its meeting after the same check as its GET of the pane (the caller is one of
/// the series' two people, in the caller's tenant); a stranger is told nothing, not even whether the meeting exists.
/// What is announced carries no content: a pane that hears its series changed reads the pane again.
/// </summary>
[Authorize]
public sealed class MeetingHub(OneOnOneDb db) : Hub
{
    public const string Path = "/hubs/meetings";

    /// <summary>The client method that hears a change: the meeting it was made in (null for the series as a whole).</summary>
    public const string Changed = "changed";

    public static string GroupOf(Guid seriesId) => $"series:{seriesId:N}";

    /// <summary>True when the caller may follow the meeting (and now does); false for anything else.</summary>
    public async Task<bool> Join(Guid meetingId)
    {
        if (Context.GetHttpContext()?.Items[typeof(Caller)] is not Caller caller)
        {
            return false;
        }

        var seriesId = await db.Meetings.IgnoreQueryFilters()
            .Where(m => m.Id == meetingId && m.TenantId == caller.TenantId
                && (m.Series.ManagerId == caller.PersonId || m.Series.ReportId == caller.PersonId))
            .Select(m => (Guid?)m.SeriesId)
            .FirstOrDefaultAsync(Context.ConnectionAborted);
        if (seriesId is not { } series)
        {
            return false;
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(series), Context.ConnectionAborted);
        return true;
    }
}
