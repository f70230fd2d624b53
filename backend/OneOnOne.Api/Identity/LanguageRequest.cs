namespace OneOnOne.Api.Identity;

public sealed record LanguageRequest(string? Language);
