namespace OneOnOne.Api.FollowUps;

public sealed record MailAddress(string Address, string Name);
