namespace OneOnOne.Api.Data;

/// <summary>
/// The outbox: one row per (meeting, kind, recipient), or per (week, digest, recipient). The database says what is
/// due; Hangfire only executes.
/// </summary>
public sealed class FollowUp : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    /// <summary>The meeting a recap or reminder is about; null for the weekly digest.</summary>
    public Guid? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>What makes the row unique beside kind and recipient: the meeting id, or the digest's week ("2030-W10").</summary>
    public required string Key { get; set; }

    public FollowUpKind Kind { get; set; }

    public Guid RecipientId { get; set; }
    public Person Recipient { get; set; } = null!;

    public DateTime DueUtc { get; set; }

    public FollowUpStatus Status { get; set; } = FollowUpStatus.Pending;

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentUtc { get; set; }

    public string? TransportMessageId { get; set; }

    /// <summary>When a job was last handed this row; a row still pending long after that gets a new job.</summary>
    public DateTime? EnqueuedUtc { get; set; }

    /// <summary>When a job claimed the row for sending.</summary>
    public DateTime? ClaimedUtc { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();
}
