namespace OneOnOne.Api.Data;

/// <summary>
/// A Microsoft Graph change-notification subscription on one organizer's calendar events: a nudge to read that
/// calendar again sooner than the reconciliation would. Only a hash of its client state is kept.
/// </summary>
public sealed class CalendarSubscription
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    public Guid OrganizerId { get; set; }
    public Person Organizer { get; set; } = null!;

    /// <summary>Graph's id of the subscription, which every notification names.</summary>
    public required string SubscriptionId { get; set; }

    /// <summary>SHA-256 of the secret Graph sends back in each notification (hex).</summary>
    public required string ClientStateHash { get; set; }

    public DateTime ExpiresUtc { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}
