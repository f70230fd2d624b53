using OneOnOne.Api.Data;

namespace OneOnOne.Api.FollowUps;

/// <summary>
/// When a tenant's follow-ups are due: the reminder so long before a meeting, the recap so long after it. From the
/// tenant's conversation guide (Guide/TenantGuides.cs), else the configured FollowUps options.
/// </summary>
public sealed record FollowUpTiming(TimeSpan ReminderLead, TimeSpan RecapDelay)
{
    public static FollowUpTiming From(FollowUpOptions options) => new(options.ReminderLead, options.RecapDelay);

    public DateTime Due(FollowUpKind kind, DateTime startUtc, DateTime endUtc) => kind switch
    {
        FollowUpKind.Recap => endUtc + RecapDelay,
        _ => startUtc - ReminderLead,
    };
}
