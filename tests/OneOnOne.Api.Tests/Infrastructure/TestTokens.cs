using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>Mints tokens with the test's own key; the API validates them through its real JwtBearer pipeline.</summary>
public sealed class TestTokens(byte[] key, string issuer = DevelopmentTokens.Issuer, string audience = DevelopmentTokens.Audience)
{
    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public byte[] Key { get; } = key;

    public string For(
        TestPerson person,
        string? scope = CallerClaims.RequiredScope,
        string? issuerOverride = null,
        string? audienceOverride = null,
        DateTime? expires = null,
        byte[]? signingKey = null,
        params string[] roles)
    {
        var claims = new List<Claim>
        {
            new("tid", person.TenantId),
            new("oid", person.ObjectId),
            new("name", person.Name),
            new("preferred_username", person.Email),
        };
        if (scope is not null)
        {
            claims.Add(new Claim("scp", scope));
        }

        claims.AddRange(roles.Select(role => new Claim("roles", role)));

        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuerOverride ?? issuer,
            Audience = audienceOverride ?? audience,
            NotBefore = expiry.AddHours(-2),
            IssuedAt = expiry.AddHours(-2),
            Expires = expiry,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signingKey ?? Key), SecurityAlgorithms.HmacSha256),
        });
    }
}

/// <summary>Someone who signs in: a tenant, an object id, a name and an address.</summary>
public sealed record TestPerson(string TenantId, string ObjectId, string Name, string Email)
{
    public static TestPerson New(string? tenantId = null, string? name = null)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return new TestPerson(tenantId ?? Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), name ?? $"Person {id}", $"person.{id}@example.test");
    }

    public static TestPerson Demo(OneOnOne.Api.Data.DemoPerson demo) =>
        new(OneOnOne.Api.Data.DemoData.TenantId, demo.ObjectId, demo.DisplayName, demo.Email);
}
