namespace OneOnOne.Api.FollowUps;

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

    /// <summary>How long a kept SMTP connection may wait for the next mail; servers commonly drop idle ones after a minute or more.</summary>
    public TimeSpan SmtpIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
