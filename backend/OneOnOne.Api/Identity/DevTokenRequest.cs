namespace OneOnOne.Api.Identity;

public sealed record DevTokenRequest(string? Email = null);
