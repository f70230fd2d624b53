namespace OneOnOne.Api.Calendar;

/// <summary>Whose calendar is read, and how: as the signed-in caller (delegated) or as the application.</summary>
public sealed record CalendarOwner(string TenantId, string ObjectId, bool AsSignedInCaller);
