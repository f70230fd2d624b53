namespace OneOnOne.Api.Data;

public enum LinkedEventState
{
    /// <summary>A 1-on-1 between the series' two people: its meetings are followed up.</summary>
    Active,

    /// <summary>The event's attendees are no longer the series' two people: follow-ups wait until they are again.</summary>
    Paused,

    /// <summary>The event was deleted, or a participant's account is gone: nothing more is sent for it.</summary>
    Ended,
}
