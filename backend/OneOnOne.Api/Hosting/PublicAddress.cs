using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OneOnOne.Api.Hosting;

/// <summary>
/// The address people reach the product at: App:PublicBaseUrl, required outside Development (behind a proxy the server
/// cannot know it, and a link in a mail must never point at the wrong host). In Development, the address a request came
/// to, or for mails written by background jobs the address the server listens on (https preferred).
/// </summary>
public sealed class PublicAddress(IConfiguration configuration, IServer server)
{
    public const string Setting = "App:PublicBaseUrl";

    private string? Configured => configuration[Setting] is { Length: > 0 } configured ? configured.TrimEnd('/') : null;

    public string For(HttpRequest request) => Configured ?? $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');

    /// <summary>
    /// For the add-in manifests: Office loads add-ins over HTTPS only, so a manifest fetched over plain HTTP from a server
    /// that also listens on HTTPS (the https launch profile) points at the HTTPS address.
    /// </summary>
    public string ForManifest(HttpRequest request) =>
        Configured ?? (request.IsHttps ? null : Listening(httpsOnly: true)) ?? For(request);

    /// <summary>For links written outside a request (mails).</summary>
    public string ForBackground() => Configured ?? Listening(httpsOnly: false) ?? "http://localhost";

    private string? Listening(bool httpsOnly)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? (httpsOnly ? null : addresses.FirstOrDefault());
        // Kestrel reports a wildcard binding as http://[::]:5080 or http://+:5080; people open it as localhost.
        return address?.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}

public static class PublicAddressSetup
{
    /// <summary>Outside Development the public address must be set, and only requests for its host are served.</summary>
    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<PublicAddress>();
        if (environment.IsDevelopment())
        {
            return services;
        }

        var configured = configuration[PublicAddress.Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new StartupConfigurationException($"{PublicAddress.Setting} is not set: set it to the address people reach OneOnOne at (https://oneonone.contoso.com); links in mails and the add-in manifests use it.");
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new StartupConfigurationException($"{PublicAddress.Setting} '{configured}' is not an absolute http(s) address: set it to the address people reach OneOnOne at.");
        }

        if (configuration["AllowedHosts"] is null or "" or "*")
        {
            services.PostConfigure<HostFilteringOptions>(options => options.AllowedHosts = [uri.IdnHost]);
        }

        return services;
    }
}
