using OneOnOne.Api.Data;
using OneOnOne.Api.Guide;

namespace OneOnOne.Api.FollowUps;

public sealed class FollowUpOptions
{
    /// <summary>Runs Hangfire and the follow-up jobs in this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Registers the every-minute sweep; tests drive the sweep themselves.</summary>
    public bool RecurringSweep { get; set; } = true;

    public TimeSpan RecapDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

    public FollowUpTiming Timing => new(ReminderLead, RecapDelay);

    /// <summary>No recap for a meeting that ended longer ago than this (a first deployment does not mail the past).</summary>
    public TimeSpan RecapWindow { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Attempts at one mail, whatever stopped them (a refusal, no answer, a database error, a process that died).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Waits between attempts; the last one repeats.</summary>
    public TimeSpan[] RetryDelays { get; set; } = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1)];

    /// <summary>A row handed to a job this long ago and still pending gets a new job (the old one was lost).</summary>
    public TimeSpan EnqueueLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A row claimed this long ago and still sending was interrupted (the process died); it is sent again.</summary>
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(10);

    public int WorkerCount { get; set; } = 4;

    /// <summary>The time zone dates in mails are written in for people whose device has not reported one.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>How long the link to the notes document in a recap works (FollowUpLinks).</summary>
    public TimeSpan NotesLinkLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The zone a mail to this person is written in: the one their device reported (<see cref="Person.TimeZone"/>),
    /// else <see cref="TimeZone"/>, else UTC when this machine knows neither.
    /// </summary>
    public TimeZoneInfo MailTimeZone(Person person) =>
        person.TimeZone is { } reported && TimeZoneInfo.TryFindSystemTimeZoneById(reported, out var own) ? own
        : TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var configured) ? configured
        : TimeZoneInfo.Utc;

    public bool DashboardWritable { get; set; }
}
