namespace OneOnOne.Api.Meetings;

/// <summary>
/// The part of an Outlook recurrence the product needs: when the next occurrence starts. Computed in the
/// series' own time zone so a 09:00 meeting stays at 09:00 across daylight-saving changes.
/// </summary>
public sealed record RecurrenceInput(string? Type, int? Interval, string[]? Days, string? TimeZone);

public static class Recurrence
{
    public static readonly string[] Types = ["daily", "weekday", "weekly", "monthly", "yearly"];

    public static bool IsReadable(RecurrenceInput input) =>
        input.Type is not null && Types.Contains(input.Type.ToLowerInvariant())
        && input.Interval is null or (>= 1 and <= 99)
        && (input.Days ?? []).All(d => ParseDay(d) is not null);

    public static TimeZoneInfo? FindTimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        // Outlook gives Windows zone names; .NET on Linux understands those and IANA names alike.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
    }

    public static DateTime NextStartUtc(DateTime startUtc, RecurrenceInput input, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(startUtc, zone);
        var interval = input.Interval ?? 1;
        var next = input.Type!.ToLowerInvariant() switch
        {
            "daily" => local.AddDays(interval),
            "weekday" => NextWeekday(local),
            "weekly" => NextWeekly(local, interval, (input.Days ?? []).Select(d => ParseDay(d)!.Value).ToHashSet()),
            "monthly" => local.AddMonths(interval),
            _ => local.AddYears(interval),
        };
        return ToUtc(next, zone);
    }

    private static DateTime NextWeekday(DateTime local)
    {
        var next = local.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }

    private static DateTime NextWeekly(DateTime local, int interval, HashSet<DayOfWeek> days)
    {
        if (days.Count == 0)
        {
            return local.AddDays(7 * interval);
        }

        // A later day in the same week, else the first listed day of the week `interval` weeks on (weeks start Monday).
        for (var next = local.AddDays(1); next.DayOfWeek != DayOfWeek.Monday; next = next.AddDays(1))
        {
            if (days.Contains(next.DayOfWeek))
            {
                return next;
            }
        }

        var monday = local.AddDays(-(((int)local.DayOfWeek + 6) % 7)).AddDays(7 * interval);
        return Enumerable.Range(0, 7).Select(offset => monday.AddDays(offset)).First(d => days.Contains(d.DayOfWeek));
    }

    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A wall-clock time skipped by a daylight-saving jump does not exist: move it forward by the jump.
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    private static DayOfWeek? ParseDay(string day) => day.Trim().ToLowerInvariant() switch
    {
        "mon" or "monday" => DayOfWeek.Monday,
        "tue" or "tuesday" => DayOfWeek.Tuesday,
        "wed" or "wednesday" => DayOfWeek.Wednesday,
        "thu" or "thursday" => DayOfWeek.Thursday,
        "fri" or "friday" => DayOfWeek.Friday,
        "sat" or "saturday" => DayOfWeek.Saturday,
        "sun" or "sunday" => DayOfWeek.Sunday,
        _ => null,
    };
}
