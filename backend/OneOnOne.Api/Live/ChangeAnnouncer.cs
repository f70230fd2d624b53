using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Live;

/// <summary>
/// After every save that changed a series' shared content (its meetings, agenda, actions, shared notes), tells the
/// panes following that series: whoever made the change, the pane, Word or the calendar. A private note is never
/// announced: not even that it changed.
/// </summary>
public sealed class ChangeAnnouncer(IHubContext<MeetingHub> hub, ILogger<ChangeAnnouncer> logger) : SaveChangesInterceptor
{
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, Pending> pending = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var changes = await ChangesAsync(context, cancellationToken);
            pending.AddOrUpdate(context, new Pending(changes, (context as OneOnOneDb)?.ActingPersonId));
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && pending.TryGetValue(context, out var changes))
        {
            pending.Remove(context);
            await AnnounceAsync(changes.Changes, changes.By);
        }

        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            pending.Remove(context);
        }

        return Task.CompletedTask;
    }

    private static async Task<List<(Guid SeriesId, Guid? MeetingId)>> ChangesAsync(DbContext context, CancellationToken cancellationToken)
    {
        var changes = new List<(Guid SeriesId, Guid? MeetingId)>();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            switch (entry.Entity)
            {
                case Meeting meeting:
                    changes.Add((meeting.SeriesId, meeting.Id));
                    break;
                case AgendaItem item:
                    changes.Add((item.SeriesId, item.MeetingId));
                    break;
                case ActionItem action:
                    changes.Add((action.SeriesId, null));
                    break;
                case Series series:
                    changes.Add((series.Id, null));
                    break;
                case Note { Visibility: NoteVisibility.Shared } note:
                    var seriesId = note.Meeting?.SeriesId ?? await context.Set<Meeting>().IgnoreQueryFilters()
                        .Where(m => m.Id == note.MeetingId).Select(m => m.SeriesId).FirstOrDefaultAsync(cancellationToken);
                    changes.Add((seriesId, note.MeetingId));
                    break;
            }
        }

        return changes.Where(c => c.SeriesId != Guid.Empty).Distinct().ToList();
    }

    private sealed record Pending(List<(Guid SeriesId, Guid? MeetingId)> Changes, Guid? By);

    private async Task AnnounceAsync(List<(Guid SeriesId, Guid? MeetingId)> changes, Guid? by)
    {
        foreach (var (seriesId, meetingId) in changes)
        {
            try
            {
                await hub.Clients.Group(MeetingHub.GroupOf(seriesId)).SendAsync(MeetingHub.Changed, meetingId, by);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The change is saved; a pane that missed the word sees it on its next read.
                logger.LogWarning(e, "Could not announce a change of series {SeriesId}.", seriesId);
            }
        }
    }
}
