using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Identity;

/// <summary>
/// The app in EntraId mode, through Microsoft.Identity.Web's own handler. Only the key source is replaced
/// (a static OpenID configuration instead of Entra's metadata endpoint, which these machines cannot reach; see
/// <see cref="ProductionApiFactory"/>).
/// </summary>
public sealed class EntraIdModeTests(EntraIdModeTests.EntraFactory api) : IClassFixture<EntraIdModeTests.EntraFactory>
{
    private const string TenantId = ProductionApiFactory.TenantId;
    private const string ClientId = ProductionApiFactory.ClientId;
    private static readonly string Issuer = ProductionApiFactory.Issuer;

    public sealed class EntraFactory : ProductionApiFactory;

    private string Token(string? scope = CallerClaims.RequiredScope, string audience = ClientId, string issuer = "", DateTime? expires = null, SecurityKey? key = null)
    {
        var claims = new List<Claim>
        {
            new("tid", TenantId), new("oid", "0f4e1d2c-3b4a-4c5d-8e9f-a0b1c2d3e4f5"), new("name", "Eva Entra"),
            new("preferred_username", "eva@contoso.test"), new("ver", "2.0"),
        };
        if (scope is not null)
        {
            claims.Add(new Claim("scp", scope));
        }

        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.Length > 0 ? issuer : Issuer,
            Audience = audience,
            NotBefore = expiry.AddHours(-2),
            IssuedAt = expiry.AddHours(-2),
            Expires = expiry,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(key ?? api.Key, SecurityAlgorithms.RsaSha256),
        });
    }

    private async Task<HttpResponseMessage> MeWith(string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await client.GetAsync("/api/me", TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_entra_token_for_the_api_scope_signs_the_person_in()
    {
        var response = await MeWith(Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<MeResponse>(TestContext.Current.CancellationToken);
        Assert.Equal("Eva Entra", me!.DisplayName);
        Assert.Equal("eva@contoso.test", me.Email);
    }

    [Fact]
    public async Task Bad_entra_tokens_are_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeWith(Token(scope: null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeWith(Token(audience: "api://another-app"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeWith(Token(issuer: "https://login.microsoftonline.com/another/v2.0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeWith(Token(expires: DateTime.UtcNow.AddMinutes(-10)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeWith(Token(key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "entra-test" }))).StatusCode);
    }

    [Fact]
    public async Task The_public_config_tells_the_panes_how_to_sign_in_and_dev_tokens_do_not_exist()
    {
        var client = api.CreateClient();
        var config = await client.GetFromJsonAsync<ClientConfig>("/api/config", TestContext.Current.CancellationToken);
        var devToken = await client.PostAsJsonAsync("/dev/token", new { email = "sanne.visser@demo.oneonone.test" }, TestContext.Current.CancellationToken);

        Assert.Equal("EntraId", config!.AuthenticationMode);
        Assert.Equal(ClientId, config.ClientId);
        Assert.Equal($"api://{ClientId}/access_as_user", config.ApiScope);
        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);
    }

    [Fact]
    public async Task The_pane_page_carries_the_entra_configuration_and_no_token()
    {
        var page = await api.CreateClient().GetAsync("/taskpane.html", TestContext.Current.CancellationToken);
        Assert.SkipWhen(page.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound, "The add-in is not built (SkipAddInBuild).");
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains($"\"clientId\":\"{ClientId}\"", html, StringComparison.Ordinal);
        // Graph is there: the pane puts the notes document in OneDrive instead of downloading it.
        Assert.Contains("\"oneDrive\":true", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"accessToken\":", html, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<script type=\"application/json\"").Length - 1);
    }
}
