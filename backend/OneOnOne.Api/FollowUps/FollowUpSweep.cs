using System.Globalization;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Data;
using OneOnOne.Api.Guide;

namespace OneOnOne.Api.FollowUps;

/// <summary>
/// The every-minute sweep. It derives from the meetings' current times which follow-ups are due and writes them
/// to the outbox, moves pending ones whose meeting moved, holds those whose meeting is no longer followed (cancelled in
/// the calendar, its event paused or ended, a participant's account gone) and brings them back when it is again,
/// recovers rows whose job was lost, and hands the due rows to jobs in batches. Meetings never call into this: it only reads them.
/// </summary>
public sealed class FollowUpSweep(
    OneOnOneDb db, IBackgroundJobClient jobs, IOptions<FollowUpOptions> options, TenantGuides guides, TimeProvider clock, ILogger<FollowUpSweep> logger)
{
    private const int BatchSize = 500;

    private FollowUpOptions Options => options.Value;

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var timings = await guides.OwnTimingsAsync(cancellationToken);
        var own = timings.Keys.ToArray();
        foreach (var (timing, tenants) in Groups(timings))
        {
            var meetings = tenants is null
                ? db.Meetings.IgnoreQueryFilters().Where(m => !own.Contains(m.TenantId))
                : db.Meetings.IgnoreQueryFilters().Where(m => tenants.Contains(m.TenantId));
            await AddRecapsAsync(now, timing, meetings, cancellationToken);
            await AddRemindersAsync(now, timing, meetings, cancellationToken);
        }

        await AddDigestsAsync(now, cancellationToken);
        await FollowMeetingsAsync(timings, cancellationToken);
        await RecoverInterruptedAsync(now, cancellationToken);
        await EnqueueDueAsync(now, cancellationToken);
    }

    /// <summary>
    /// The tenants by their timing: first the configured timing for every tenant without one of its own (tenants null),
    /// then one group per timing the tenants' guides set (a handful of distinct values, so a handful of queries).
    /// </summary>
    private IEnumerable<(FollowUpTiming Timing, string[]? Tenants)> Groups(IReadOnlyDictionary<string, FollowUpTiming> timings) =>
        [(Options.Timing, null), .. timings.GroupBy(t => t.Value, t => t.Key).Select(g => (g.Key, (string[]?)g.ToArray()))];

    private async Task AddRecapsAsync(DateTime now, FollowUpTiming timing, IQueryable<Meeting> meetings, CancellationToken cancellationToken)
    {
        var endedBefore = now - timing.RecapDelay;
        var endedAfter = now - Options.RecapWindow;
        await AddForMeetingsAsync(
            FollowUpKind.Recap,
            timing,
            meetings.Where(m => m.EndUtc <= endedBefore && m.EndUtc >= endedAfter),
            cancellationToken);
    }

    private async Task AddRemindersAsync(DateTime now, FollowUpTiming timing, IQueryable<Meeting> meetings, CancellationToken cancellationToken)
    {
        var startsBefore = now + timing.ReminderLead;
        await AddForMeetingsAsync(
            FollowUpKind.PreparationReminder,
            timing,
            meetings.Where(m => m.StartUtc > now && m.StartUtc <= startsBefore),
            cancellationToken);
    }

    private async Task AddForMeetingsAsync(FollowUpKind kind, FollowUpTiming timing, IQueryable<Meeting> meetings, CancellationToken cancellationToken)
    {
        for (var round = 0; round < 1000; round++)
        {
            var batch = await Followed(db, meetings)
                .Where(m => !db.FollowUps.IgnoreQueryFilters().Any(f => f.MeetingId == m.Id && f.Kind == kind))
                .OrderBy(m => m.StartUtc)
                .Select(m => new { m.Id, m.TenantId, m.StartUtc, m.EndUtc, m.Series.ManagerId, m.Series.ReportId })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var meeting in batch)
            {
                foreach (var recipient in new[] { meeting.ManagerId, meeting.ReportId })
                {
                    db.FollowUps.Add(new FollowUp
                    {
                        TenantId = meeting.TenantId,
                        MeetingId = meeting.Id,
                        Key = meeting.Id.ToString("N"),
                        Kind = kind,
                        RecipientId = recipient,
                        DueUtc = timing.Due(kind, meeting.StartUtc, meeting.EndUtc),
                    });
                }
            }

            await SaveAddedAsync(cancellationToken);
            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }

    private async Task AddDigestsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        var week = $"{ISOWeek.GetYear(now)}-W{ISOWeek.GetWeekOfYear(now):00}";
        var lastWeek = now.AddDays(-7);
        var people = await db.People.IgnoreQueryFilters()
            .Where(p => !p.NoDigests && p.AccountState == AccountState.Active
                && db.ActionItems.IgnoreQueryFilters().Any(a => a.OwnerId == p.Id && a.Status == ActionStatus.Open && a.DueDate < today)
                && !db.FollowUps.IgnoreQueryFilters().Any(f => f.RecipientId == p.Id && f.Kind == FollowUpKind.OverdueDigest && (f.Key == week || f.CreatedUtc > lastWeek)))
            .Select(p => new { p.Id, p.TenantId })
            .ToListAsync(cancellationToken);
        foreach (var person in people)
        {
            db.FollowUps.Add(new FollowUp { TenantId = person.TenantId, Key = week, Kind = FollowUpKind.OverdueDigest, RecipientId = person.Id, DueUtc = now, CreatedUtc = now });
        }

        await SaveAddedAsync(cancellationToken);
    }

    // Another instance's sweep may be adding the same rows at the same moment: the unique index keeps one (the
    // loser sees a duplicate key, or on PostgreSQL possibly a deadlock, which the provider's execution strategy
    // reports wrapped as a transient failure), and the next round's NOT EXISTS no longer picks them.
    private async Task SaveAddedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException || e.InnerException is DbUpdateException)
        {
            logger.LogInformation(e, "Follow-ups were added concurrently by another instance; continuing.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The meetings whose follow-ups go out: scheduled, an occurrence of a calendar event that is still a 1-on-1 of the
    /// series' two people, both of whom still have an account. A meeting the calendar never confirmed gets none.
    /// </summary>
    public static IQueryable<Meeting> Followed(OneOnOneDb db, IQueryable<Meeting> meetings) => meetings.Where(m =>
        m.Status == MeetingStatus.Scheduled
        && db.LinkedEvents.IgnoreQueryFilters().Any(l => l.Id == m.LinkedEventId && l.SeriesId == m.SeriesId && l.State == LinkedEventState.Active)
        && m.Series.Manager.AccountState == AccountState.Active
        && m.Series.Report.AccountState == AccountState.Active);

    /// <summary>A pending follow-up follows its meeting: moved with it, held while it is not followed, back when it is again.</summary>
    private async Task FollowMeetingsAsync(IReadOnlyDictionary<string, FollowUpTiming> timings, CancellationToken cancellationToken)
    {
        var configured = Options.Timing;
        var followed = Followed(db, db.Meetings.IgnoreQueryFilters()).Select(m => m.Id);
        var held = await db.FollowUps.IgnoreQueryFilters()
            .Where(f => f.Status == FollowUpStatus.Pending && f.MeetingId != null && !followed.Contains(f.MeetingId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FollowUpStatus.OnHold).SetProperty(f => f.EnqueuedUtc, (DateTime?)null), cancellationToken);
        var resumed = await db.FollowUps.IgnoreQueryFilters()
            .Where(f => f.Status == FollowUpStatus.OnHold && f.MeetingId != null && followed.Contains(f.MeetingId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FollowUpStatus.Pending), cancellationToken);
        if (held + resumed > 0)
        {
            logger.LogInformation("Follow-ups: {Held} held for meetings no longer followed, {Resumed} back for meetings followed again.", held, resumed);
        }

        var pending = await db.FollowUps.IgnoreQueryFilters()
            .Where(f => f.Status == FollowUpStatus.Pending && f.MeetingId != null)
            .Select(f => new { f.Id, f.TenantId, f.Kind, f.DueUtc, f.Meeting!.StartUtc, f.Meeting.EndUtc })
            .ToListAsync(cancellationToken);
        foreach (var moved in pending)
        {
            var due = timings.GetValueOrDefault(moved.TenantId, configured).Due(moved.Kind, moved.StartUtc, moved.EndUtc);
            if (due != moved.DueUtc)
            {
                await db.FollowUps.IgnoreQueryFilters().Where(f => f.Id == moved.Id && f.Status == FollowUpStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.DueUtc, due).SetProperty(f => f.EnqueuedUtc, (DateTime?)null), cancellationToken);
            }
        }
    }

    /// <summary>
    /// A row left "sending" by a process that died is tried again (over Graph the attempt first looks up what the last one
    /// left in the mailbox, so nothing is sent twice), until its attempts are spent.
    /// </summary>
    private async Task RecoverInterruptedAsync(DateTime now, CancellationToken cancellationToken)
    {
        var claimedBefore = now - Options.SendingLease;
        var interrupted = db.FollowUps.IgnoreQueryFilters().Where(f => f.Status == FollowUpStatus.Sending && f.ClaimedUtc < claimedBefore);
        var failed = await interrupted.Where(f => f.Attempts >= Options.MaxAttempts)
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Status, FollowUpStatus.Failed)
                .SetProperty(f => f.LastError, $"Interrupted while sending in each of {Options.MaxAttempts} attempts."), cancellationToken);
        var recovered = await interrupted
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Status, FollowUpStatus.Pending)
                .SetProperty(f => f.EnqueuedUtc, (DateTime?)null)
                .SetProperty(f => f.LastError, "Interrupted while sending; tried again."), cancellationToken);
        if (recovered + failed > 0)
        {
            logger.LogWarning("{Count} follow-ups were interrupted while sending and will be tried again; {Failed} had no attempts left.", recovered, failed);
        }
    }

    private async Task EnqueueDueAsync(DateTime now, CancellationToken cancellationToken)
    {
        var leaseExpired = now - Options.EnqueueLease;
        while (true)
        {
            var due = await db.FollowUps.IgnoreQueryFilters()
                .Where(f => f.Status == FollowUpStatus.Pending && f.DueUtc <= now && (f.EnqueuedUtc == null || f.EnqueuedUtc < leaseExpired))
                .OrderBy(f => f.DueUtc)
                .Select(f => f.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            await db.FollowUps.IgnoreQueryFilters().Where(f => due.Contains(f.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.EnqueuedUtc, now), cancellationToken);
            // Enough jobs for every worker to have a few, each as large as that allows up to the most a job takes.
            var perJob = Math.Clamp(due.Count / (Options.WorkerCount * 4), 1, FollowUpJob.MostPerJob);
            foreach (var batch in due.Chunk(perJob))
            {
                jobs.Enqueue<FollowUpJob>(job => job.SendAsync(batch, CancellationToken.None));
            }
        }
    }
}
