namespace OneOnOne.Api.Graph;

/// <summary>Development mode has no Entra ID: features that need Graph say so instead of calling it.</summary>
internal sealed class NoGraphTokens : IGraphTokenSource
{
    public bool IsAvailable => false;

    public Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Microsoft Graph needs Authentication:Mode EntraId.");

    public Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Microsoft Graph needs Authentication:Mode EntraId.");
}
