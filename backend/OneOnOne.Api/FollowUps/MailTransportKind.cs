namespace OneOnOne.Api.FollowUps;

public enum MailTransportKind
{
    /// <summary>.eml files in a folder: the embedded default, so a newcomer can open what would have been sent.</summary>
    Pickup,
    Smtp,
    Graph,
}
