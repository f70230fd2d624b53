using System.Net;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Identity;

/// <summary>Development-mode tokens go through the real JwtBearer pipeline: every check that matters is exercised.</summary>
public sealed class TokenValidationTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static readonly TestPerson Person = TestPerson.New();

    public static TheoryData<string, Func<TestTokens, string?>> BadTokens => new()
    {
        { "no token", _ => null },
        { "not a JWT", _ => "not-a-token" },
        { "expired", t => t.For(Person, expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "wrong audience", t => t.For(Person, audienceOverride: "api://someone-else") },
        { "wrong issuer", t => t.For(Person, issuerOverride: "https://evil.example/") },
        { "no scope", t => t.For(Person, scope: null) },
        { "another scope", t => t.For(Person, scope: "Mail.Read") },
        { "signed with another key", t => t.For(Person, signingKey: TestTokens.NewKey()) },
        { "tampered payload", t => Tamper(t.For(Person)) },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_refused_with_a_problem(string why, Func<TestTokens, string?> token)
    {
        var client = api.CreateClient();
        if (token(api.Tokens) is { } value)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", value);
        }

        var response = await client.GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{why}: {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_valid_token_is_accepted()
    {
        var response = await api.ClientFor(Person).GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Swaps the object id in the payload but keeps the original signature.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        payload = payload.Replace(Person.ObjectId, Guid.NewGuid().ToString(), StringComparison.Ordinal);
        parts[1] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload);
        return string.Join('.', parts);
    }
}
