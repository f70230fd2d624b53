namespace OneOnOne.Api.Data;

/// <summary>
/// An Outlook event (a recurring series or a single event) that meetings of a series come from. The calendar is the
/// source of truth: the event is followed in its organizer's calendar, and its occurrences become the series' meetings.
/// </summary>
public sealed class LinkedEvent
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    public Guid SeriesId { get; set; }
    public Series Series { get; set; } = null!;

    /// <summary>The event's iCalUId: the same in the organizer's and every attendee's copy of it.</summary>
    public required string ICalUId { get; set; }

    /// <summary>Whose calendar the event is followed in; mail about its meetings is sent as this person.</summary>
    public Guid OrganizerId { get; set; }
    public Person Organizer { get; set; } = null!;

    /// <summary>The event's id in the organizer's own calendar (ids differ per mailbox); found from the iCalUId when unknown.</summary>
    public string? OrganizerEventId { get; set; }

    public bool IsRecurring { get; set; }

    public LinkedEventState State { get; set; } = LinkedEventState.Active;

    /// <summary>Why the event is paused or ended, for operators' logs (the pane words it from <see cref="State"/>).</summary>
    public string? StateReason { get; set; }

    /// <summary>When the organizer's calendar was last read for this event.</summary>
    public DateTime? CheckedUtc { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    public void SetState(LinkedEventState state, string? reason)
    {
        State = state;
        StateReason = reason is { Length: > Limits.StateReason } ? reason[..Limits.StateReason] : reason;
    }
}
