namespace OneOnOne.Api.Calendar;

/// <summary>
/// Outlook calendars: Microsoft Graph in production, the demo workplace in the embedded default. Every method answers
/// null for what is not there (deleted, or not in that person's calendar) and throws
/// <see cref="CalendarUnavailableException"/> when the calendar cannot be read now.
/// </summary>
public interface ICalendar
{
    /// <summary>One event (a single one, an occurrence or a series master) by its REST id in the owner's calendar.</summary>
    Task<CalendarEvent?> GetEventAsync(CalendarOwner owner, string eventId, CancellationToken cancellationToken);

    /// <summary>The series master or single event with this iCalUId (the same in every participant's copy) in the owner's calendar.</summary>
    Task<CalendarEvent?> FindByUidAsync(CalendarOwner owner, string iCalUId, CancellationToken cancellationToken);

    /// <summary>The occurrences of a series that start in [from, to); null when the series master is gone.</summary>
    Task<IReadOnlyList<CalendarEvent>?> GetOccurrencesAsync(CalendarOwner owner, string seriesMasterId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}

/// <summary>The directory (Entra ID): who a person is. Null for someone who is not there (any more).</summary>
public interface IDirectory
{
    /// <summary>The member or guest of the tenant whose mail, proxy address or sign-in name is this address.</summary>
    Task<DirectoryUser?> FindByAddressAsync(string tenantId, string address, CancellationToken cancellationToken);

    Task<DirectoryUser?> GetAsync(string tenantId, string objectId, CancellationToken cancellationToken);
}
