namespace OneOnOne.Api.Data;

public enum MeetingStatus
{
    Scheduled,
    Cancelled,
}
