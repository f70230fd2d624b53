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
/// <remarks>
/// Presence is told between the panes through the series' group, never kept in one instance's memory, so it holds
/// with several instances behind the Redis backplane: a pane that joins is announced as arrived, the panes already
/// there answer with <see cref="Here"/>, and each pane repeats that now and then; a pane that leaves is announced as
/// left by the instance it was connected to. A pane that stops repeating (its instance died) is forgotten by the others.
/// </remarks>
[Authorize]
public sealed class MeetingHub(OneOnOneDb db, CallerScope scope) : Hub
{
    public const string Path = "/hubs/meetings";

    /// <summary>
    /// The client method that hears a change: the meeting it was made in (null for the series as a whole) and the
    /// person who made it (null for the calendar and other background work).
    /// </summary>
    public const string Changed = "changed";

    /// <summary>The client method that hears a pane open a meeting and asks to be answered with <see cref="Here"/>.</summary>
    public const string Arrived = "arrived";

    /// <summary>The client method that hears a pane still has a meeting open.</summary>
    public const string Present = "present";

    /// <summary>The client method that hears a pane has closed a meeting.</summary>
    public const string Left = "left";

    public static string GroupOf(Guid seriesId) => $"series:{seriesId:N}";

    /// <summary>A pane with a meeting open, as the other panes are told: the pane by a random id, never its connection.</summary>
    public sealed record OpenPane(Guid Meeting, Guid Pane, Guid PersonId, string Name);

    private sealed record Joined(Guid SeriesId, OpenPane Pane);

    /// <summary>True when the caller may follow the meeting (and now does); false for anything else.</summary>
    public async Task<bool> Join(Guid meetingId)
    {
        if (Context.GetHttpContext()?.Items[typeof(Caller)] is not Caller caller)
        {
            return false;
        }

        // Each call of the hub has its own scope: read as the caller, under the same filters as the pane's GET.
        scope.Set(caller.TenantId, caller.PersonId);
        var seriesId = await db.Meetings
            .Where(m => m.Id == meetingId)
            .Select(m => (Guid?)m.SeriesId)
            .FirstOrDefaultAsync(Context.ConnectionAborted);
        if (seriesId is not { } series)
        {
            return false;
        }

        if (JoinedMeeting is { } earlier && earlier.Pane.Meeting != meetingId)
        {
            await LeaveAsync(earlier);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(series), Context.ConnectionAborted);
        var joined = new Joined(series, new OpenPane(meetingId, JoinedMeeting?.Pane.Pane ?? Guid.NewGuid(), caller.PersonId, caller.Person.DisplayName));
        JoinedMeeting = joined;
        await Clients.OthersInGroup(GroupOf(series)).SendAsync(Arrived, joined.Pane);
        return true;
    }

    /// <summary>This pane still has its meeting open (an answer to <see cref="Arrived"/>, and repeated now and then).</summary>
    public Task Here() =>
        JoinedMeeting is { } joined ? Clients.OthersInGroup(GroupOf(joined.SeriesId)).SendAsync(Present, joined.Pane) : Task.CompletedTask;

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (JoinedMeeting is { } joined)
        {
            await LeaveAsync(joined);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync(Joined joined)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(joined.SeriesId));
        await Clients.Group(GroupOf(joined.SeriesId)).SendAsync(Left, joined.Pane);
    }

    private Joined? JoinedMeeting
    {
        get => Context.Items[typeof(Joined)] as Joined;
        set => Context.Items[typeof(Joined)] = value;
    }
}
