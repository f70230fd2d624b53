using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.Identity;

/// <summary>The authorization policies beside the default one (a signed-in caller of the panes' API).</summary>
public static class Policies
{
    /// <summary>A caller of the API with the administrators' app role (the operators' endpoints).</summary>
    public const string Administrators = "Administrators";

    /// <summary>A person signed in with the browser cookie who has the administrators' app role (the Hangfire dashboard).</summary>
    public const string Operators = "Operators";
}

public static class AuthenticationSetup
{
    /// <summary>The app role (Entra ID's roles claim) of the product's operators.</summary>
    public static string AdminRole(IConfiguration configuration) =>
        configuration["Authentication:AdminRole"] is { Length: > 0 } role ? role : "OneOnOne.Admin";

    public static AuthenticationMode ReadMode(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Authentication:Mode"];
        AuthenticationMode mode;
        if (string.IsNullOrWhiteSpace(configured))
        {
            // Local runs sign in with demo people; anything else must say how it signs people in.
            mode = environment.IsDevelopment()
                ? AuthenticationMode.Development
                : throw new StartupConfigurationException("Authentication:Mode is not set: set it to EntraId (or Development in the Development environment).");
        }
        else if (!Enum.TryParse(configured, ignoreCase: true, out mode) || !Enum.IsDefined(mode))
        {
            throw new StartupConfigurationException($"Authentication:Mode '{configured}' is not known: set it to EntraId or Development.");
        }

        if (mode == AuthenticationMode.Development && !environment.IsDevelopment())
        {
            throw new StartupConfigurationException(
                $"Authentication:Mode is Development, which is allowed only in the Development environment (this is {environment.EnvironmentName}): set Authentication:Mode to EntraId.");
        }

        if (mode == AuthenticationMode.EntraId)
        {
            var missing = new[] { "AzureAd:TenantId", "AzureAd:ClientId" }.Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();
            if (missing.Count > 0)
            {
                throw new StartupConfigurationException($"Authentication:Mode is EntraId: set {string.Join(" and ", missing)}.");
            }
        }

        return mode;
    }

    public static IServiceCollection AddOneOnOneAuthentication(
        this IServiceCollection services, IConfiguration configuration, AuthenticationMode mode)
    {
        services.AddSingleton(new AuthenticationSettings(mode, configuration));
        if (mode == AuthenticationMode.EntraId)
        {
            var authentication = services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme);
            authentication.AddMicrosoftIdentityWebApi(configuration.GetSection("AzureAd"))
                .EnableTokenAcquisitionToCallDownstreamApi()
                .AddInMemoryTokenCaches();
            BrowserSignIn.Add(authentication, services, configuration);
        }
        else
        {
            services.AddSingleton<DevelopmentTokens>();
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
                .Configure<DevelopmentTokens>((options, tokens) =>
                {
                    options.MapInboundClaims = false;
                    options.TokenValidationParameters = tokens.ValidationParameters();
                    // Entra tokens without the scope are refused by Microsoft.Identity.Web at authentication; do the same here.
                    options.Events = new JwtBearerEvents
                    {
                        OnTokenValidated = context =>
                        {
                            if (context.Principal is null || !CallerClaims.HasRequiredScope(context.Principal))
                            {
                                context.Fail($"The token does not carry the {CallerClaims.RequiredScope} scope.");
                            }

                            return Task.CompletedTask;
                        },
                    };
                });
        }

        var adminRole = AdminRole(configuration);
        var caller = new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()
            .RequireAssertion(context =>
                CallerClaims.HasRequiredScope(context.User)
                && CallerClaims.TenantId(context.User) is not null
                && CallerClaims.ObjectId(context.User) is not null)
            .Build();
        var authorization = services.AddAuthorizationBuilder()
            .SetDefaultPolicy(caller)
            .AddPolicy(Policies.Administrators, policy => policy.Combine(caller).RequireAssertion(context => CallerClaims.HasRole(context.User, adminRole)));
        if (mode == AuthenticationMode.EntraId)
        {
            authorization.AddPolicy(Policies.Operators, policy => policy.AddAuthenticationSchemes(BrowserSignIn.CookieScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => CallerClaims.HasRole(context.User, adminRole)));
        }

        services.AddScoped<CallerEnrollment>();
        services.AddSingleton<CallerCache>();
        return services;
    }
}

/// <summary>What the panes need to know to sign in; public, holds no secret.</summary>
public sealed class AuthenticationSettings(AuthenticationMode mode, IConfiguration configuration)
{
    public AuthenticationMode Mode { get; } = mode;
    public string? ClientId { get; } = configuration["AzureAd:ClientId"];
    public string? TenantId { get; } = configuration["AzureAd:TenantId"];
    public string Instance { get; } = configuration["AzureAd:Instance"] ?? "https://login.microsoftonline.com/";
    public string? ApiScope { get; } = configuration["AzureAd:Scopes"] is { Length: > 0 } scopes
        ? scopes
        : configuration["AzureAd:ClientId"] is { Length: > 0 } clientId ? $"api://{clientId}/{CallerClaims.RequiredScope}" : null;
}
