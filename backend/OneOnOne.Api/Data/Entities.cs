namespace OneOnOne.Api.Data;

/// <summary>Rows that belong to one tenant; the context filters every query by the caller's tenant.</summary>
public interface ITenantOwned
{
    string TenantId { get; }
}

/// <summary>
/// Rows edited by both participants. The token is managed by the application (not a provider row version)
/// so the same optimistic concurrency works on SQLite, SQL Server and PostgreSQL.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

public enum ParticipantRole
{
    Manager,
    Report,
}

public enum MeetingStatus
{
    Scheduled,
    Cancelled,
}

public enum LinkedEventState
{
    /// <summary>A 1-on-1 between the series' two people: its meetings are followed up.</summary>
    Active,

    /// <summary>The event's attendees are no longer the series' two people: follow-ups wait until they are again.</summary>
    Paused,

    /// <summary>The event was deleted, or a participant's account is gone: nothing more is sent for it.</summary>
    Ended,
}

public enum AccountState
{
    Active,
    Disabled,
    Deleted,
}

public enum ActionStatus
{
    Open,
    Done,
}

public enum NoteVisibility
{
    Shared,
    Private,
}

public enum FollowUpKind
{
    Recap,
    PreparationReminder,
    OverdueDigest,
}

public enum FollowUpStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Cancelled,

    /// <summary>Its meeting is cancelled or its event paused: it comes back (pending) when the calendar brings the meeting back.</summary>
    OnHold,
}
