using System.Collections.Concurrent;
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

    /// <summary>The client method that hears who has a meeting open: the meeting and its people (id and name).</summary>
    public const string Present = "present";

    public static string GroupOf(Guid seriesId) => $"series:{seriesId:N}";

    /// <summary>Who has which meeting open, by connection (this instance's connections only).</summary>
    private static readonly ConcurrentDictionary<string, Presence> Open = new();

    public sealed record PresentPerson(Guid Id, string Name);

    private sealed record Presence(Guid SeriesId, Guid MeetingId, PresentPerson Person);

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
        var presence = new Presence(series, meetingId, new PresentPerson(caller.PersonId, caller.Person.DisplayName));
        Open[Context.ConnectionId] = presence;
        await AnnounceAsync(presence);
        return true;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Open.TryRemove(Context.ConnectionId, out var left))
        {
            await AnnounceAsync(left);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private Task AnnounceAsync(Presence changed)
    {
        var people = Open.Values.Where(p => p.MeetingId == changed.MeetingId).Select(p => p.Person).DistinctBy(p => p.Id).ToArray();
        return Clients.Group(GroupOf(changed.SeriesId)).SendAsync(Present, changed.MeetingId, people);
    }
}
