using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace OneOnOne.Api.Graph;

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
