namespace OneOnOne.Api.Identity;

public enum AuthenticationMode
{
    /// <summary>Microsoft Entra ID access tokens for the API's own scope, validated by Microsoft.Identity.Web.</summary>
    EntraId,

    /// <summary>Local tokens signed with a key in the data folder, for demo people only. Development environment only.</summary>
    Development,
}
