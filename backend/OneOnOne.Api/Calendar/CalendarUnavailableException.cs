namespace OneOnOne.Api.Calendar;

/// <summary>The calendar or the directory could not be read now (throttled, unavailable, timed out, refused).</summary>
public sealed class CalendarUnavailableException(string message, Exception? inner = null, TimeSpan? retryAfter = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
