using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneOnOne.Api.Data;

/// <summary>
/// Keeps <see cref="Series.ActionsDone"/> and <see cref="Series.ActionsDoneOnTime"/> in step with the series' action
/// items, so the pane's health picture reads two columns instead of counting every action the series ever had: that
/// count made the pane slower the longer a series ran (docs/benchmarks.md, "Load").
/// </summary>
/// <remarks>
/// Every save that adds, changes or deletes action items adds the difference to the counters in the same transaction,
/// as an increment in SQL: two saves at once cannot overwrite each other's. A save outside a transaction is given EF's
/// own (<see cref="AutoTransactionBehavior.Always"/>) and the counters are written just before it commits: inside the
/// provider's execution strategy, so a retried save (SQL Server) writes them again in its new transaction. A save inside
/// the caller's transaction writes them after the save, in that transaction.
/// Rows written around EF are counted afresh: the data generator's bulk load by <see cref="RecountAsync"/>, the rows
/// already there when the counters were added by that migration's SQL (the same rule as <see cref="Counts"/>).
/// </remarks>
public sealed class ActionTally : BeforeSaving, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> pending = [];

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        if (eventData.Context is OneOnOneDb db && pending.TryGetValue(db, out var tally) && tally.AtCommit)
        {
            Apply(db, tally.Changes);
        }

        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OneOnOneDb db && pending.TryGetValue(db, out var tally) && tally.AtCommit)
        {
            await ApplyAsync(db, tally.Changes, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Finish(eventData.Context) is { AtCommit: false } tally)
        {
            Apply((OneOnOneDb)eventData.Context!, tally.Changes);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Finish(eventData.Context) is { AtCommit: false } tally)
        {
            await ApplyAsync((OneOnOneDb)eventData.Context!, tally.Changes, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Finish(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Finish(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Finish(eventData.Context);
        return Task.CompletedTask;
    }

    protected override void Saving(DbContext context)
    {
        if (context is not OneOnOneDb db)
        {
            return;
        }

        var changes = Changes(db);
        if (changes.Count == 0)
        {
            pending.Remove(db);
            return;
        }

        var atCommit = db.Database.CurrentTransaction is null;
        pending.AddOrUpdate(db, new Pending(changes, atCommit, db.Database.AutoTransactionBehavior));
        if (atCommit)
        {
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    private Pending? Finish(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var tally))
        {
            return null;
        }

        pending.Remove(context);
        context.Database.AutoTransactionBehavior = tally.Behavior;
        return tally;
    }

    /// <summary>What the save pending in <paramref name="db"/> changes, per series: done and done-on-time.</summary>
    private static Dictionary<Guid, (int Done, int OnTime)> Changes(DbContext db)
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

    private static async Task ApplyAsync(OneOnOneDb db, Dictionary<Guid, (int Done, int OnTime)> changes, CancellationToken cancellationToken)
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

    private static void Apply(OneOnOneDb db, Dictionary<Guid, (int Done, int OnTime)> changes)
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

    private sealed record Pending(Dictionary<Guid, (int Done, int OnTime)> Changes, bool AtCommit, AutoTransactionBehavior Behavior);

    private static T Original<T>(EntityEntry<ActionItem> entry, System.Linq.Expressions.Expression<Func<ActionItem, T>> property) =>
        entry.Property(property).OriginalValue;
}
