using Microsoft.Identity.Web;

namespace OneOnOne.Api.Graph;

/// <summary>Tokens from Microsoft.Identity.Web: on behalf of the user of the request, or as the app.</summary>
internal sealed class EntraGraphTokens(ITokenAcquisition tokens) : IGraphTokenSource
{
    public bool IsAvailable => true;

    public Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken) =>
        tokens.GetAccessTokenForUserAsync(scopes);

    public Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken) =>
        tokens.GetAccessTokenForAppAsync("https://graph.microsoft.com/.default", tenant: tenantId);
}
