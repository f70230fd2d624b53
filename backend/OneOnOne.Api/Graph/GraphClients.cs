using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OneOnOne.Api.Graph;

public sealed class GraphOptions
{
    /// <summary>Where Graph is; tests point it at a local stub.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";
}

/// <summary>Where Graph access tokens come from: Entra ID in production, a test's own source in tests.</summary>
public interface IGraphTokenSource
{
    bool IsAvailable { get; }

    /// <summary>On behalf of the signed-in user (delegated permissions).</summary>
    Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken);

    /// <summary>As the application itself (application permissions) in a tenant, for background jobs; null for the configured one.</summary>
    Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken);
}

/// <summary>
/// The one way the product reaches Microsoft Graph. Clients come from <see cref="GraphClientFactory"/> so the SDK's
/// retry handler (429/503/504 with Retry-After) is in the pipeline.
/// </summary>
public sealed class GraphClients(IGraphTokenSource tokens, IOptions<GraphOptions> options)
{
    public bool IsAvailable => tokens.IsAvailable;

    public GraphServiceClient ForUser(params string[] scopes) => Create(cancellationToken => tokens.ForUserAsync(scopes, cancellationToken));

    public GraphServiceClient ForApplication(string? tenantId = null) => Create(cancellationToken => tokens.ForApplicationAsync(tenantId, cancellationToken));

    private GraphServiceClient Create(Func<CancellationToken, Task<string>> token)
    {
        var baseUrl = options.Value.BaseUrl.TrimEnd('/');
        var authentication = new BaseBearerTokenAuthenticationProvider(new TokenProvider(token, new Uri(baseUrl).Host));
        return new GraphServiceClient(GraphClientFactory.Create(), authentication, baseUrl);
    }

    private sealed class TokenProvider(Func<CancellationToken, Task<string>> token, string host) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new([host]);

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            token(cancellationToken);
    }
}

/// <summary>Tokens from Microsoft.Identity.Web: on behalf of the user of the request, or as the app.</summary>
internal sealed class EntraGraphTokens(ITokenAcquisition tokens) : IGraphTokenSource
{
    public bool IsAvailable => true;

    public Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken) =>
        tokens.GetAccessTokenForUserAsync(scopes);

    public Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken) =>
        tokens.GetAccessTokenForAppAsync("https://graph.microsoft.com/.default", tenant: tenantId);
}

/// <summary>Development mode has no Entra ID: features that need Graph say so instead of calling it.</summary>
internal sealed class NoGraphTokens : IGraphTokenSource
{
    public bool IsAvailable => false;

    public Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Microsoft Graph needs Authentication:Mode EntraId.");

    public Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("Microsoft Graph needs Authentication:Mode EntraId.");
}

public static class GraphSetup
{
    public static IServiceCollection AddOneOnOneGraph(this IServiceCollection services, IConfiguration configuration, Identity.AuthenticationMode mode)
    {
        services.Configure<GraphOptions>(configuration.GetSection("Graph"));
        if (mode == Identity.AuthenticationMode.EntraId)
        {
            services.AddScoped<IGraphTokenSource, EntraGraphTokens>();
        }
        else
        {
            services.AddScoped<IGraphTokenSource, NoGraphTokens>();
        }

        services.AddScoped<GraphClients>();
        return services;
    }
}
