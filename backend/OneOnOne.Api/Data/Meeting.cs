namespace OneOnOne.Api.Data;

/// <summary>One occurrence of a series, keyed by (series, start in UTC).</summary>
public sealed class Meeting : ITenantOwned, IVersioned
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

    /// <summary>Mailbox-specific hints from Outlook: they help find the meeting again, they never grant access.</summary>
    public string? OutlookItemId { get; set; }

    public string? OutlookSeriesId { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();
}
