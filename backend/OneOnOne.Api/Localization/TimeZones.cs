namespace OneOnOne.Api.Localization;

public static class TimeZones
{
    /// <summary>A zone by its IANA or Windows id (Outlook gives Windows names; .NET on Linux understands both); UTC for none.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }
}
