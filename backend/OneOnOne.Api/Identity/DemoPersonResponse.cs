namespace OneOnOne.Api.Identity;

public sealed record DemoPersonResponse(string Email, string DisplayName, string Language);
