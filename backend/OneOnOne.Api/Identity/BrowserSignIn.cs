using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Identity.Web;

namespace OneOnOne.Api.Identity;

/// <summary>
/// Signing a person in with a browser, for the few pages a browser opens without the panes' bearer token: the Hangfire
/// dashboard and the notes link of a recap. Entra ID (OpenID Connect) with a cookie that only those pages accept; the
/// API itself never reads it, so the cookie cannot be used to call the API from another site.
/// </summary>
public static class BrowserSignIn
{
    public const string CookieScheme = "OneOnOne.Browser";
    public const string OpenIdConnectScheme = "OneOnOne.BrowserSignIn";

    public static void Add(AuthenticationBuilder authentication, IServiceCollection services, IConfiguration configuration)
    {
        authentication.AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"), OpenIdConnectScheme, CookieScheme);
        services.Configure<CookieAuthenticationOptions>(CookieScheme, options =>
        {
            options.Cookie.Name = "__Host-OneOnOne";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = false;
            options.ForwardChallenge = OpenIdConnectScheme;
            // Signed in but not allowed: say so, instead of sending the browser to a page the product does not have.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
    }
}
