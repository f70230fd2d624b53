using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.Identity;

/// <summary>
/// Signs and describes the tokens of Development mode. The key lives in the data folder, so tokens survive a
/// restart and never leave the machine; the API validates them through the same JwtBearer pipeline as Entra tokens.
/// </summary>
public sealed class DevelopmentTokens
{
    public const string Issuer = "https://oneonone.local/development";
    public const string Audience = "api://oneonone-development";
    public const string KeyFileName = "dev-signing-key";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public DevelopmentTokens(AppPaths paths, IConfiguration configuration)
    {
        SigningKey = new SymmetricSecurityKey(LoadOrCreateKey(Path.Combine(paths.DataFolder, KeyFileName))) { KeyId = "development" };
        AdminRole = AuthenticationSetup.AdminRole(configuration);
    }

    /// <summary>The app role a demo administrator's token carries, as Entra ID would put it in the token.</summary>
    public string AdminRole { get; }

    public SymmetricSecurityKey SigningKey { get; }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningKey,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromMinutes(1),
        NameClaimType = "name",
    };

    public (string Token, DateTime ExpiresUtc) Issue(string tenantId, string objectId, string name, string email, bool isAdmin = false)
    {
        var expires = DateTime.UtcNow.Add(Lifetime);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Expires = expires,
            Subject = new ClaimsIdentity(
            [
                new Claim("tid", tenantId),
                new Claim("oid", objectId),
                new Claim("name", name),
                new Claim("preferred_username", email),
                new Claim("scp", CallerClaims.RequiredScope),
                .. isAdmin ? [new Claim("roles", AdminRole)] : Array.Empty<Claim>(),
            ]),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    private static byte[] LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}
