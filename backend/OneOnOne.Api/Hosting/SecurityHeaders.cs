using Microsoft.Net.Http.Headers;

namespace OneOnOne.Api.Hosting;

/// <summary>
/// Security headers on every answer. The task panes get their own Content-Security-Policy from the add-in feature
/// (Office must be able to frame them); everything else is an API answer or a small server page that nobody may
/// frame and that needs to load nothing.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>For answers that carry no policy of their own: load nothing, be framed by nobody.</summary>
    public const string StrictPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar) runs its own inline scripts and styles: it keeps those, and is still framed by nobody.
    /// </summary>
    public const string ThirdPartyPagePolicy = "frame-ancestors 'none'";

    /// <summary>
    /// The Hangfire dashboard loads its own stylesheets and scripts from this server and nothing else; its charts add a
    /// style element of their own, so styles (never scripts) may be inline.
    /// </summary>
    public const string DashboardPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    private static readonly PathString[] ThirdPartyPages = ["/api-reference", "/scalar"];
    private static readonly PathString Dashboard = "/hangfire";

    public static IServiceCollection AddOneOnOneTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(configuration.GetValue("Security:HstsMaxAgeDays", 365));
            options.IncludeSubDomains = configuration.GetValue("Security:HstsIncludeSubDomains", false);
        });
        return services;
    }

    /// <summary>
    /// HTTPS redirection and HSTS outside Development (a local run serves plain HTTP too). Where TLS ends at a proxy
    /// in front of the server, Security:HttpsRedirection=false leaves the redirect to the proxy.
    /// </summary>
    public static WebApplication UseOneOnOneTransportSecurity(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            return app;
        }

        app.UseHsts();
        if (app.Configuration.GetValue("Security:HttpsRedirection", true))
        {
            app.UseHttpsRedirection();
        }

        return app;
    }

    public static WebApplication UseOneOnOneSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Chosen now: the dashboard moves its path into PathBase while it answers. Applied at the start of the
            // answer, when the add-in feature (or an endpoint) has already said what it needs.
            var path = context.Request.Path;
            var pagePolicy = path.StartsWithSegments(Dashboard) ? DashboardPolicy
                : ThirdPartyPages.Any(p => path.StartsWithSegments(p)) ? ThirdPartyPagePolicy
                : StrictPolicy;
            context.Response.OnStarting(static state =>
            {
                var (http, policy) = ((HttpContext, string))state;
                return Apply(http, policy);
            }, (context, pagePolicy));
            return next(context);
        });
        return app;
    }

    private static Task Apply(HttpContext context, string pagePolicy)
    {
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

        if (headers.ContainsKey(HeaderNames.ContentSecurityPolicy))
        {
            // A pane: Outlook and Word frame it, and its sign-in may open a window that must keep its opener, so
            // neither X-Frame-Options nor Cross-Origin-Opener-Policy belong here; its policy's frame-ancestors rules.
            return Task.CompletedTask;
        }

        headers[HeaderNames.ContentSecurityPolicy] = pagePolicy;
        headers[HeaderNames.XFrameOptions] = "DENY";
        // No Cross-Origin-Resource-Policy: Outlook shows the manifest's icons from this server in its own pages.
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return Task.CompletedTask;
    }
}
