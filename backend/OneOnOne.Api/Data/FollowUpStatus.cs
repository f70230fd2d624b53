namespace OneOnOne.Api.Data;

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
