using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OneOnOne.Api.Hosting;

/// <summary>
/// Behind a reverse proxy or load balancer the connection comes from the proxy: X-Forwarded-For and -Proto are taken
/// from the proxies an administrator names (ForwardedHeaders:KnownProxies, ForwardedHeaders:KnownNetworks), and from no one
/// else, so rate limits and logs see the client and a client cannot pose as another address.
/// </summary>
public static class Proxies
{
    public static IServiceCollection AddOneOnOneProxies(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here, so a mistyped address stops the start instead of the first request.
        var proxies = (configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            .Select(proxy => IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new StartupConfigurationException($"ForwardedHeaders:KnownProxies '{proxy}' is not an IP address."))
            .ToList();
        var networks = (configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            .Select(network => System.Net.IPNetwork.TryParse(network, out var parsed)
                ? parsed
                : throw new StartupConfigurationException($"ForwardedHeaders:KnownNetworks '{network}' is not a network (10.0.0.0/8)."))
            .ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>First in the pipeline, and only where proxies are named: without them the headers are not read at all.</summary>
    public static WebApplication UseOneOnOneProxies(this WebApplication app)
    {
        var configured = app.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() is { Length: > 0 }
            || app.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() is { Length: > 0 };
        if (configured)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
