using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace OneOnOne.Api.Data;

/// <summary>
/// Keeps <see cref="Series.ActionsDone"/> and <see cref="Series.ActionsDoneOnTime"/> in step with the series' action
/// items, so the pane's health picture reads two columns instead of counting every action the series ever had: that
/// count made the pane slower the longer a series ran (docs/benchmarks.md, "Load").
/// </summary>
/// <remarks>
/// Every save that adds, changes or deletes action items adds the difference to the counters in the same
/// transaction (<see cref="OneOnOneDb"/>), as an increment in SQL: two saves at once cannot overwrite each other's.
/// Rows written around EF are counted afresh: the data generator's bulk load by <see cref="RecountAsync"/>, the rows
/// already there when the counters were added by that migration's SQL (the same rule as <see cref="Counts"/>).
/// </remarks>
public static class ActionTally
{
    /// <summary>What the save pending in <paramref name="db"/> changes, per series: done and done-on-time.</summary>
    public static IReadOnlyDictionary<Guid, (int Done, int OnTime)> Pending(DbContext db)
    {
        var changes = new Dictionary<Guid, (int Done, int OnTime)>();
        void Add(Guid seriesId, (bool Done, bool OnTime) counted, int sign)
        {
            var (done, onTime) = changes.GetValueOrDefault(seriesId);
            changes[seriesId] = (done + (counted.Done ? sign : 0), onTime + (counted.OnTime ? sign : 0));
        }

        foreach (var entry in db.ChangeTracker.Entries<ActionItem>())
        {
            if (entry.State is EntityState.Deleted or EntityState.Modified)
            {
                Add(Original(entry, a => a.SeriesId), Counts(Original(entry, a => a.Status), Original(entry, a => a.DueDate), Original(entry, a => a.CompletedUtc)), -1);
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var action = entry.Entity;
                Add(action.SeriesId, Counts(action.Status, action.DueDate, action.CompletedUtc), +1);
            }
        }

        return changes.Where(c => c.Value != (0, 0)).ToDictionary();
    }

    public static async Task ApplyAsync(OneOnOneDb db, IReadOnlyDictionary<Guid, (int Done, int OnTime)> changes, CancellationToken cancellationToken)
    {
        foreach (var (seriesId, (done, onTime)) in changes)
        {
            // The save itself was authorized; the counters are bookkeeping of the same series.
            await db.Series.IgnoreQueryFilters().Where(s => s.Id == seriesId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.ActionsDone, x => x.ActionsDone + done)
                    .SetProperty(x => x.ActionsDoneOnTime, x => x.ActionsDoneOnTime + onTime), cancellationToken);
        }
    }

    public static void Apply(OneOnOneDb db, IReadOnlyDictionary<Guid, (int Done, int OnTime)> changes)
    {
        foreach (var (seriesId, (done, onTime)) in changes)
        {
            db.Series.IgnoreQueryFilters().Where(s => s.Id == seriesId)
                .ExecuteUpdate(s => s
                    .SetProperty(x => x.ActionsDone, x => x.ActionsDone + done)
                    .SetProperty(x => x.ActionsDoneOnTime, x => x.ActionsDoneOnTime + onTime));
        }
    }

    /// <summary>Counts every series' actions afresh: after rows were written around EF.</summary>
    public static Task<int> RecountAsync(OneOnOneDb db, CancellationToken cancellationToken) =>
        db.Series.IgnoreQueryFilters()
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.ActionsDone, x => db.ActionItems.IgnoreQueryFilters().Count(a => a.SeriesId == x.Id && a.Status == ActionStatus.Done))
                .SetProperty(x => x.ActionsDoneOnTime, x => db.ActionItems.IgnoreQueryFilters().Count(a => a.SeriesId == x.Id && a.Status == ActionStatus.Done
                    && (a.DueDate == null || DateOnly.FromDateTime(a.CompletedUtc!.Value) <= a.DueDate))), cancellationToken);

    /// <summary>Whether an action with these values counts as done, and as done on time (the same rule as the recount).</summary>
    public static (bool Done, bool OnTime) Counts(ActionStatus status, DateOnly? dueDate, DateTime? completedUtc)
    {
        var done = status == ActionStatus.Done;
        return (done, done && (dueDate is null || (completedUtc is { } completed && DateOnly.FromDateTime(completed) <= dueDate)));
    }

    private static T Original<T>(EntityEntry<ActionItem> entry, System.Linq.Expressions.Expression<Func<ActionItem, T>> property) =>
        entry.Property(property).OriginalValue;
}
