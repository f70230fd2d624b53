using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace OneOnOne.Api.Hosting;

/// <summary>
/// The Data Protection keys (they sign the links in mails and the sign-in cookie) are kept in the database; outside
/// Development they are encrypted there with a certificate, so a copy of the database does not forge links.
/// </summary>
public static class KeyProtection
{
    public static IServiceCollection AddOneOnOneKeyProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var protection = services.AddDataProtection().SetApplicationName("OneOnOne");
        var certificate = LoadCertificate(configuration);
        if (certificate is not null)
        {
            protection.ProtectKeysWithCertificate(certificate);
        }
        else if (!environment.IsDevelopment())
        {
            throw new StartupConfigurationException(
                "the Data Protection keys must be encrypted at rest: set DataProtection:CertificatePath (a .pfx with its private key, and DataProtection:CertificatePassword) or DataProtection:CertificateThumbprint (in the CurrentUser\\My store).");
        }

        return services;
    }

    private static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } path)
        {
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]);
                return certificate.HasPrivateKey
                    ? certificate
                    : throw new StartupConfigurationException($"DataProtection:CertificatePath '{path}' has no private key: use a .pfx that holds it.");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new StartupConfigurationException($"DataProtection:CertificatePath '{path}' could not be read ({e.Message.TrimEnd('.')}): check the file and DataProtection:CertificatePassword.");
            }
        }

        if (configuration["DataProtection:CertificateThumbprint"] is { Length: > 0 } thumbprint)
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            return store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false).FirstOrDefault(c => c.HasPrivateKey)
                ?? throw new StartupConfigurationException($"DataProtection:CertificateThumbprint {thumbprint}: no certificate with a private key in the CurrentUser\\My store.");
        }

        return null;
    }
}
