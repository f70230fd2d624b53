namespace OneOnOne.Api.Data;

public enum ActionStatus
{
    Open,
    Done,
}
