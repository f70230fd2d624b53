namespace OneOnOne.Api.Data;

/// <summary>One occurrence of a series, keyed by (series, start in UTC).</summary>
public sealed class Meeting : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    public Guid SeriesId { get; set; }
    public Series Series { get; set; } = null!;

    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }

    public string Subject { get; set; } = "";

    /// <summary>What this conversation should achieve; set by either participant.</summary>
    public string? Goal { get; set; }

    public MeetingStatus Status { get; set; } = MeetingStatus.Scheduled;

    /// <summary>The calendar event this meeting is an occurrence of; null for a meeting from before the calendar was followed.</summary>
    public Guid? LinkedEventId { get; set; }

    /// <summary>Where the occurrence was first scheduled in its series (null for a single event): its identity when it moves.</summary>
    public DateTime? OriginalStartUtc { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();
}
