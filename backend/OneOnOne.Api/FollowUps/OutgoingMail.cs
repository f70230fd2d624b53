namespace OneOnOne.Api.FollowUps;

/// <summary>One mail; <see cref="From"/> is also the mailbox it is sent from (over Graph, where its copy is kept).</summary>
public sealed record OutgoingMail(
    MailAddress From, MailAddress To, MailAddress? ReplyTo, string Subject, string Html, string Text, Guid FollowUpId, string UnsubscribeUrl);
