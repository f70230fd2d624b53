namespace OneOnOne.Api.Identity;

public sealed record MeResponse(Guid Id, string DisplayName, string Email, string Language, string? PreferredLanguage, string? TimeZone)
{
    public static MeResponse From(Caller caller) =>
        new(caller.PersonId, caller.Person.DisplayName, caller.Person.Email, caller.Language, caller.Person.Language, caller.Person.TimeZone);
}
