namespace OneOnOne.Api.FollowUps;

/// <summary>
/// A send that did not go through. <see cref="Retryable"/> only when the mail was certainly not accepted, so a
/// retry cannot send it twice; <see cref="RetryAfter"/> when the transport said how long to wait.
/// </summary>
public sealed class MailTransportException(string message, bool retryable, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
