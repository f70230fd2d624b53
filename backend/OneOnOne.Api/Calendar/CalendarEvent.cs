namespace OneOnOne.Api.Calendar;

public enum CalendarEventType
{
    SingleInstance,
    Occurrence,
    Exception,
    SeriesMaster,
}

/// <summary>Someone on an event: an address as the calendar holds it. A room or other resource is not a person.</summary>
public sealed record CalendarAttendee(string Address, string? Name, bool IsResource = false);

/// <summary>
/// An event as a calendar holds it (Graph's event, reduced to what the product reads). Times are UTC.
/// <see cref="OriginalStartUtc"/> is where an occurrence of a recurring series was first scheduled: it stays the same when
/// the occurrence is moved, so it is what keeps a meeting linked to its occurrence.
/// </summary>
public sealed record CalendarEvent(
    string Id,
    CalendarEventType Type,
    string? SeriesMasterId,
    string? ICalUId,
    DateTime StartUtc,
    DateTime EndUtc,
    DateTime? OriginalStartUtc,
    string Subject,
    bool IsCancelled,
    CalendarAttendee? Organizer,
    IReadOnlyList<CalendarAttendee> Attendees,
    bool IsDraft = false)
{
    /// <summary>The organizer and the attendees, each address once (Outlook lists the organizer among the attendees too).</summary>
    public IReadOnlyList<CalendarAttendee> People =>
        (Organizer is null ? Attendees : Attendees.Prepend(Organizer))
            .Where(a => !string.IsNullOrWhiteSpace(a.Address))
            .DistinctBy(a => NormalizeAddress(a.Address))
            .ToList();

    /// <summary>The people of the event: a room booked for the conversation is not a third person.</summary>
    public IReadOnlyList<CalendarAttendee> Invitees => People.Where(p => !p.IsResource).ToList();

    public static string NormalizeAddress(string address) => address.Trim().ToLowerInvariant();
}

/// <summary>Whose calendar is read, and how: as the signed-in caller (delegated) or as the application.</summary>
public sealed record CalendarOwner(string TenantId, string ObjectId, bool AsSignedInCaller);

/// <summary>A person as the directory (Entra ID) knows them.</summary>
public sealed record DirectoryUser(string ObjectId, string DisplayName, string? Mail, string? UserPrincipalName, bool IsGuest, bool AccountEnabled)
{
    /// <summary>The address mail goes to: the mailbox address, else the sign-in name.</summary>
    public string Address => string.IsNullOrWhiteSpace(Mail) ? UserPrincipalName ?? "" : Mail;
}

/// <summary>The calendar or the directory could not be read now (throttled, unavailable, timed out, refused).</summary>
public sealed class CalendarUnavailableException(string message, Exception? inner = null, TimeSpan? retryAfter = null) : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
