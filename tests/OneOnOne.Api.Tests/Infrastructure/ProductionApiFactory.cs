using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>
/// The app as it runs in a tenant: the Production environment, Entra ID, its public address and a certificate that
/// encrypts its keys. Only Entra's metadata is replaced (a static OpenID configuration and key, as these machines cannot
/// reach Entra), for the API's bearer tokens and the browser's sign-in alike.
/// </summary>
public abstract class ProductionApiFactory : ApiFactory
{
    public const string TenantId = "8f2c6a4e-1b1d-4c55-9d1e-2a7f3b9c0d11";
    public const string ClientId = "3b9d2c1a-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    public const string PublicBaseUrl = "https://oneonone.example";
    public static readonly string Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0";
    public static readonly string AuthorizeEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize";

    protected ProductionApiFactory() => ClientOptions.BaseAddress = new Uri(PublicBaseUrl);

    public RsaSecurityKey Key { get; } = new(RSA.Create(2048)) { KeyId = "entra-test" };

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "oneonone.db")};Pooling=False";

    /// <summary>A self-signed certificate with its private key, as an administrator would give the app for its keys.</summary>
    public static string CreateKeyCertificate(string folder)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=OneOnOne data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "test-password"));
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Authentication:Mode", "EntraId");
        builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
        builder.UseSetting("AzureAd:TenantId", TenantId);
        builder.UseSetting("AzureAd:ClientId", ClientId);
        builder.UseSetting("App:PublicBaseUrl", PublicBaseUrl);
        builder.UseSetting("DataProtection:CertificatePath", CreateKeyCertificate(DataFolder));
        builder.UseSetting("DataProtection:CertificatePassword", "test-password");
        // Kestrel tells the redirect its HTTPS port; the test server has none, so it is configured.
        builder.UseSetting("https_port", "443");
        builder.ConfigureTestServices(services =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer, AuthorizationEndpoint = AuthorizeEndpoint };
            configuration.SigningKeys.Add(Key);
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                options.TokenValidationParameters.IssuerSigningKeys = [Key];
                options.TokenValidationParameters.ValidIssuer = Issuer;
                options.TokenValidationParameters.IssuerValidator = null;
            });
            services.PostConfigure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(OneOnOne.Api.Identity.BrowserSignIn.OpenIdConnectScheme, options =>
            {
                options.Configuration = configuration;
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            });
        });
    }
}
