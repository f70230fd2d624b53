namespace OneOnOne.Api.Graph;

/// <summary>Where Graph access tokens come from: Entra ID in production, a test's own source in tests.</summary>
public interface IGraphTokenSource
{
    bool IsAvailable { get; }

    /// <summary>On behalf of the signed-in user (delegated permissions).</summary>
    Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken);

    /// <summary>As the application itself (application permissions) in a tenant, for background jobs; null for the configured one.</summary>
    Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken);
}
