namespace OneOnOne.Api.Data;

/// <summary>
/// A talking point. It belongs to the meeting it was added to and keeps showing on later meetings of the
/// series (as carried over) until it is discussed, so it is never copied.
/// </summary>
public sealed class AgendaItem : IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    public Guid SeriesId { get; set; }

    public Guid MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;

    public Guid AuthorId { get; set; }
    public Person Author { get; set; } = null!;

    public required string Text { get; set; }

    /// <summary>Position within the agenda; lower first.</summary>
    public int Position { get; set; }

    /// <summary>The meeting in which the item was discussed; null while it is still open.</summary>
    public Guid? DiscussedInMeetingId { get; set; }

    public string? PromptKey { get; set; }

    /// <summary>
    /// A standing item of the series' agenda template (Guide/StandingItems.cs): every meeting gets its own, so it never
    /// carries over to the next one.
    /// </summary>
    public bool IsStanding { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
    public Guid Version { get; set; } = Guid.NewGuid();
}
