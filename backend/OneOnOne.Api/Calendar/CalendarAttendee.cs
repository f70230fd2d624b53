namespace OneOnOne.Api.Calendar;

/// <summary>Someone on an event: an address as the calendar holds it. A room or other resource is not a person.</summary>
public sealed record CalendarAttendee(string Address, string? Name, bool IsResource = false);
