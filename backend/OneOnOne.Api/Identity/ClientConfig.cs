using OneOnOne.Api.Graph;

namespace OneOnOne.Api.Identity;

/// <summary>
/// How the panes sign in, and what the server can do for them: served at GET /api/config and written into the panes'
/// pages (AddInSetup).
/// </summary>
/// <param name="OneDrive">
/// Notes documents can be stored in the caller's OneDrive (POST /api/meetings/{id}/notes.docx/onedrive): Graph is
/// there, in Entra ID mode. Otherwise the panes download the document.
/// </param>
public sealed record ClientConfig(string AuthenticationMode, string? ClientId, string? Authority, string? ApiScope, bool OneDrive)
{
    public static ClientConfig For(AuthenticationSettings settings, GraphClients graph)
    {
        var entraId = settings.Mode == Identity.AuthenticationMode.EntraId;
        return new(
            settings.Mode.ToString(),
            entraId ? settings.ClientId : null,
            entraId ? $"{settings.Instance.TrimEnd('/')}/{settings.TenantId}" : null,
            entraId ? settings.ApiScope : null,
            graph.IsAvailable);
    }
}
