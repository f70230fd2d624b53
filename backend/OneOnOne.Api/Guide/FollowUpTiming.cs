using OneOnOne.Api.Data;

namespace OneOnOne.Api.Guide;

/// <summary>
/// When a tenant's follow-ups are due: the reminder so long before a meeting, the recap so long after it. From the
/// tenant's conversation guide (<see cref="TenantGuides"/>), else the configured one, which the FollowUps feature
/// registers from its options.
/// </summary>
public sealed record FollowUpTiming(TimeSpan ReminderLead, TimeSpan RecapDelay)
{
    public DateTime Due(FollowUpKind kind, DateTime startUtc, DateTime endUtc) => kind switch
    {
        FollowUpKind.Recap => endUtc + RecapDelay,
        _ => startUtc - ReminderLead,
    };
}
