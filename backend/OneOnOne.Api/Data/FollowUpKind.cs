namespace OneOnOne.Api.Data;

public enum FollowUpKind
{
    Recap,
    PreparationReminder,
    OverdueDigest,
}
