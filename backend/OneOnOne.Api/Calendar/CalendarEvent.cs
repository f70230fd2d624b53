namespace OneOnOne.Api.Calendar;

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
