using OneOnOne.Api.Data;

namespace OneOnOne.Api.FollowUps;

public enum MailTransportKind
{
    /// <summary>.eml files in a folder: the embedded default, so a newcomer can open what would have been sent.</summary>
    Pickup,
    Smtp,
    Graph,
}

public sealed class FollowUpOptions
{
    /// <summary>Runs Hangfire and the follow-up jobs in this instance.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Registers the every-minute sweep; tests drive the sweep themselves.</summary>
    public bool RecurringSweep { get; set; } = true;

    public TimeSpan RecapDelay { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan ReminderLead { get; set; } = TimeSpan.FromHours(24);

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

public sealed class MailOptions
{
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>
    /// Sender of the weekly digest; over SMTP and the pickup folder also of mail about a meeting whose organizer is not known.
    /// Recaps and reminders come from the event's organizer.
    /// </summary>
    public string FromAddress { get; set; } = "oneonone@localhost";

    /// <summary>
    /// Over Graph: one service mailbox that sends every mail (with the organizer to reply to), so the application's
    /// Mail.Send can be limited to it. Unset: recaps and reminders are sent as the organizer, with the copy in their Sent Items.
    /// </summary>
    public string? GraphSender { get; set; }

    public string FromName { get; set; } = "OneOnOne";

    /// <summary>Relative to the data folder unless absolute.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    public string SmtpHost { get; set; } = "localhost";

    public int SmtpPort { get; set; } = 25;

    /// <summary>MailKit's SecureSocketOptions: None, Auto, StartTls, StartTlsWhenAvailable, SslOnConnect.</summary>
    public string SmtpSecurity { get; set; } = "StartTlsWhenAvailable";

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
