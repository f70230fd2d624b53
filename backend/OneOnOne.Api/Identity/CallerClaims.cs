using System.Security.Claims;

namespace OneOnOne.Api.Identity;

/// <summary>
/// Reads the claims the product relies on, in the short JWT form and in the long form JwtBearer maps them to.
/// </summary>
public static class CallerClaims
{
    public const string RequiredScope = "access_as_user";

    public static string? TenantId(ClaimsPrincipal user) =>
        First(user, "tid", "http://schemas.microsoft.com/identity/claims/tenantid");

    public static string? ObjectId(ClaimsPrincipal user) =>
        First(user, "oid", "http://schemas.microsoft.com/identity/claims/objectidentifier");

    public static string? DisplayName(ClaimsPrincipal user) => First(user, "name", ClaimTypes.Name);

    public static string? Email(ClaimsPrincipal user) =>
        First(user, "preferred_username", "email", ClaimTypes.Email, ClaimTypes.Upn, "upn");

    public static bool HasRequiredScope(ClaimsPrincipal user) =>
        user.FindAll(c => c.Type is "scp" or "http://schemas.microsoft.com/identity/claims/scope")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(RequiredScope, StringComparer.Ordinal);

    /// <summary>The app role, from the token's roles claim (short or mapped form).</summary>
    public static bool HasRole(ClaimsPrincipal user, string role) =>
        user.HasClaim(c => c.Type is "roles" or "role" or ClaimTypes.Role && string.Equals(c.Value, role, StringComparison.Ordinal));

    private static string? First(ClaimsPrincipal user, params string[] types) =>
        types.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
