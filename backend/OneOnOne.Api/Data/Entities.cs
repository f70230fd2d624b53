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
}
