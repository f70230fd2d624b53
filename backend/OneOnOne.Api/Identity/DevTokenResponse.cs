using OneOnOne.Api.Data;

namespace OneOnOne.Api.Identity;

public sealed record DevTokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string Email, string DisplayName)
{
    public static DevTokenResponse Issue(DevelopmentTokens tokens, DemoPerson person)
    {
        var (token, expires) = tokens.Issue(DemoData.TenantId, person.ObjectId, person.DisplayName, person.Email, person.IsAdmin);
        return new(token, new DateTimeOffset(expires), person.Email, person.DisplayName);
    }
}
