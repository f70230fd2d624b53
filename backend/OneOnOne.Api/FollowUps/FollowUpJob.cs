using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.Guide;

namespace OneOnOne.Api.FollowUps;

/// <summary>The mail could not be sent and will not be tried again; Hangfire's dashboard shows the reason.</summary>
public sealed class FollowUpFailedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Sends follow-ups, a batch per job. Each row is claimed with a conditional update (so retries and other servers cannot
/// send it too), its meeting confirmed in the calendar, checked to be still wanted and still due, sent, and its outcome
/// recorded. A batch rather than a job per mail: on PostgreSQL, Hangfire's own bookkeeping per job cost as much CPU as
/// everything else a mail needs.
/// </summary>
public sealed class FollowUpJob(
    OneOnOneDb db, FollowUpComposer composer, IMailTransport transport, CalendarSync calendarSync, IOptions<FollowUpOptions> options, IOptions<MailOptions> mail,
    IOptions<CalendarOptions> calendarOptions, TenantGuides guides, TimeProvider clock, ILogger<FollowUpJob> logger)
{
    /// <summary>The most rows one job sends; the sweep gives smaller batches when fewer are due, so every worker gets some.</summary>
    public const int MostPerJob = 50;

    private readonly Dictionary<Guid, Confirmation> confirmations = [];

    /// <summary>A job queued with one row, by a server of the previous version or the failed-mail retry.</summary>
    [Queue("followups")]
    [AutomaticRetry(Attempts = 0)]
    public Task SendAsync(Guid followUpId, CancellationToken cancellationToken) => SendAsync([followUpId], cancellationToken);

    /// <summary>
    /// Sends each row in turn. A row that fails does not stop the others; the job then fails with every row's reason, for
    /// Hangfire's dashboard. Stopping hands the rows not yet started back to the next sweep.
    /// </summary>
    [Queue("followups")]
    [AutomaticRetry(Attempts = 0)]
    public async Task SendAsync(Guid[] followUpIds, CancellationToken cancellationToken)
    {
        List<Exception> failures = [];
        var next = 0;
        try
        {
            for (; next < followUpIds.Length && !cancellationToken.IsCancellationRequested; next++)
            {
                try
                {
                    await SendOneAsync(followUpIds[next], cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures.Add(e);
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        finally
        {
            if (next < followUpIds.Length)
            {
                var notStarted = followUpIds[next..];
                await db.FollowUps.IgnoreQueryFilters().Where(f => notStarted.Contains(f.Id) && f.Status == FollowUpStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(f => f.EnqueuedUtc, (DateTime?)null), CancellationToken.None);
            }
        }

        if (failures.Count > 0)
        {
            throw failures.Count == 1 ? failures[0] : new AggregateException($"{failures.Count} of {followUpIds.Length} follow-ups failed.", failures);
        }
    }

    private async Task SendOneAsync(Guid followUpId, CancellationToken cancellationToken)
    {
        // The calendar is read before the row is claimed: however long that takes, it cannot outlast the claim's lease
        // and let another job send the same mail.
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.FollowUps.IgnoreQueryFilters()
            .Where(f => f.Id == followUpId && f.Status == FollowUpStatus.Pending && f.DueUtc <= now)
            .Select(f => new { f.MeetingId })
            .FirstOrDefaultAsync(cancellationToken);
        if (due is null)
        {
            return;
        }

        var confirmation = due.MeetingId is { } meetingId ? await ConfirmAsync(meetingId, cancellationToken) : Confirmation.Confirmed;
        now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.FollowUps.IgnoreQueryFilters()
            .Where(f => f.Id == followUpId && f.Status == FollowUpStatus.Pending && f.DueUtc <= now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(f => f.Status, FollowUpStatus.Sending)
                .SetProperty(f => f.ClaimedUtc, now)
                .SetProperty(f => f.Attempts, f => f.Attempts + 1), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        // From here on the row is ours: finish the bookkeeping even if the server is stopping.
        var row = await db.FollowUps.IgnoreQueryFilters().Include(f => f.Recipient).Include(f => f.Meeting)
            .SingleAsync(f => f.Id == followUpId, CancellationToken.None);
        if (cancellationToken.IsCancellationRequested)
        {
            // The server is stopping before anything was sent: hand the row back for the next job.
            Release(row);
        }

        if (row.Status != FollowUpStatus.Sending || !await ConfirmedAsync(row, confirmation, now) || !await StillWantedAsync(row, now))
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        try
        {
            var message = await composer.ComposeAsync(row, row.Recipient, CancellationToken.None);
            using var timeout = new CancellationTokenSource(mail.Value.SendTimeout);
            row.TransportMessageId = await transport.SendAsync(message, timeout.Token);
            row.Status = FollowUpStatus.Sent;
            row.SentUtc = clock.GetUtcNow().UtcDateTime;
            row.LastError = null;
        }
        catch (Exception e) when (Permanent(e))
        {
            await FailAsync(row, e);
        }
        catch (Exception e) when (row.Attempts < options.Value.MaxAttempts)
        {
            // Whatever stopped this attempt (a refusal to try again, no answer, a database error while composing), the
            // next one comes after a wait; over Graph it first looks up what this one left in the mailbox.
            var delays = options.Value.RetryDelays;
            var wait = (e as MailTransportException)?.RetryAfter ?? delays[Math.Min(row.Attempts - 1, delays.Length - 1)];
            db.ChangeTracker.Clear();
            db.Attach(row);
            row.Status = FollowUpStatus.Pending;
            row.DueUtc = clock.GetUtcNow().UtcDateTime + wait;
            row.EnqueuedUtc = null;
            row.LastError = Reason(e);
            logger.LogWarning(e is MailTransportException ? null : e, "Follow-up {FollowUpId} attempt {Attempt} failed, next try in {Wait}: {Reason}", row.Id, row.Attempts, wait, row.LastError);
        }
        catch (Exception e)
        {
            await FailAsync(row, e);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Both people's mails about a meeting are due together and usually share a batch: the calendar is read once.</summary>
    private async Task<Confirmation> ConfirmAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        if (!confirmations.TryGetValue(meetingId, out var confirmation))
        {
            confirmation = await calendarSync.ConfirmAsync(meetingId, cancellationToken);
            confirmations[meetingId] = confirmation;
        }

        return confirmation;
    }

    /// <summary>Will fail the same way every time: a refused address or mailbox, a mail that cannot be written.</summary>
    private static bool Permanent(Exception e) =>
        e is MailTransportException { Retryable: false } or MimeKit.ParseException or FormatException or ArgumentException;

    private static string Reason(Exception e) =>
        Limits.Truncate(e is MailTransportException ? e.Message : $"{e.GetType().Name}: {e.Message}", Limits.FollowUpError);

    private async Task FailAsync(FollowUp row, Exception e)
    {
        db.ChangeTracker.Clear();
        db.Attach(row);
        row.Status = FollowUpStatus.Failed;
        row.LastError = Reason(e);
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogError(e is MailTransportException ? null : e, "Follow-up {FollowUpId} ({Kind}) failed after {Attempts} attempts: {Reason}", row.Id, row.Kind, row.Attempts, row.LastError);
        throw new FollowUpFailedException($"Follow-up {row.Id} ({row.Kind}) failed: {row.LastError}", e);
    }

    /// <summary>
    /// A reminder or recap goes out only for an occurrence the calendar has just confirmed. While the calendar cannot be
    /// read the row waits, for a bounded time past its due moment; then it is dropped rather than sent on a guess.
    /// </summary>
    private async Task<bool> ConfirmedAsync(FollowUp row, Confirmation confirmation, DateTime now)
    {
        if (row.Meeting is not { } meeting)
        {
            return true;
        }

        if (confirmation == Confirmation.Unknown)
        {
            var due = (await guides.TimingAsync(row.TenantId, CancellationToken.None)).Due(row.Kind, meeting.StartUtc, meeting.EndUtc);
            if (now > due + calendarOptions.Value.UnconfirmedWait)
            {
                row.Status = FollowUpStatus.Cancelled;
                row.LastError = "The calendar could not be read to confirm the meeting in time; nothing was sent.";
                logger.LogWarning("Follow-up {FollowUpId} dropped: its meeting could not be confirmed in the calendar.", row.Id);
            }
            else
            {
                Release(row);
                row.DueUtc = now + TimeSpan.FromMinutes(1);
                row.LastError = "Waiting for the calendar to confirm the meeting.";
            }

            return false;
        }

        if (!await FollowUpSweep.Followed(db, db.Meetings.IgnoreQueryFilters()).AnyAsync(m => m.Id == meeting.Id, CancellationToken.None))
        {
            Release(row);
            row.Status = FollowUpStatus.OnHold;
            return false;
        }

        return true;
    }

    private async Task<bool> StillWantedAsync(FollowUp row, DateTime now)
    {
        var optedOut = row.Kind switch
        {
            FollowUpKind.Recap => row.Recipient.NoRecaps,
            FollowUpKind.PreparationReminder => row.Recipient.NoReminders,
            _ => row.Recipient.NoDigests,
        };
        if (optedOut)
        {
            row.Status = FollowUpStatus.Cancelled;
            return false;
        }

        // The meeting moved after this job was queued: wait for its new time instead of sending now.
        if (row.Meeting is { } meeting && (await guides.TimingAsync(row.TenantId, CancellationToken.None)).Due(row.Kind, meeting.StartUtc, meeting.EndUtc) is var due && due > now)
        {
            Release(row);
            row.DueUtc = due;
            return false;
        }

        if (row.Kind == FollowUpKind.PreparationReminder && row.Meeting is { } upcoming && upcoming.StartUtc <= now)
        {
            row.Status = FollowUpStatus.Cancelled;
            row.LastError = "The meeting started before the reminder could be sent.";
            return false;
        }

        return true;
    }

    private static void Release(FollowUp row)
    {
        row.Status = FollowUpStatus.Pending;
        row.EnqueuedUtc = null;
        row.Attempts--;
    }
}
