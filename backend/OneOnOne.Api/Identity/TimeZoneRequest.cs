namespace OneOnOne.Api.Identity;

public sealed record TimeZoneRequest(string? TimeZone);
