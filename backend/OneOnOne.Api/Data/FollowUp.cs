namespace OneOnOne.Api.Data;

/// <summary>
/// The outbox: one row per (meeting, kind, recipient). The database says what is due; Hangfire only executes.
/// </summary>
public sealed class FollowUp : ITenantOwned, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    public Guid MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;

    public FollowUpKind Kind { get; set; }

    public Guid RecipientId { get; set; }
    public Person Recipient { get; set; } = null!;

    public DateTime DueUtc { get; set; }

    public FollowUpStatus Status { get; set; } = FollowUpStatus.Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentUtc { get; set; }

    public string? TransportMessageId { get; set; }

    public string? JobId { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();
}
