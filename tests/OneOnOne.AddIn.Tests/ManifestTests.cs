using System.Diagnostics;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OneOnOne.AddIn.Tests;

/// <summary>
/// The add-in manifests, Outlook's manifest.xml at the repository root and Word's addin/word-manifest.xml, and the copies
/// the server rewrites for its own address.
/// </summary>
public sealed class ManifestTests
{
    private const string DevelopmentBase = "https://localhost:7080";
    private const string Outlook = "manifest.xml";
    private const string Word = "addin/word-manifest.xml";
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

    public static TheoryData<string> Manifests => new(Outlook, Word);

    private static string PathOf(string manifest) => Path.Combine(AddInFolder.RepositoryRoot, manifest);

    private static XDocument Load(string manifest = Outlook) => XDocument.Load(PathOf(manifest));

    private static string Element(XDocument manifest, string name) => manifest.Root!.Elements().Single(e => e.Name.LocalName == name).Value;

    [Fact]
    public void The_Word_manifest_is_a_task_pane_for_documents_that_needs_WordApi_1_4_and_opens_with_the_document()
    {
        var manifest = Load(Word);
        Assert.Equal("TaskPaneApp", manifest.Root!.Attributes().Single(a => a.Name.LocalName == "type").Value);
        Assert.Equal("6f0b2f4e-8d3a-4b6c-9a51-2e7c41d9b0a7", Element(manifest, "Id"));
        Assert.NotEqual(Element(Load(), "Id"), Element(manifest, "Id"));
        Assert.Equal("Document", manifest.Root.Elements().Single(e => e.Name.LocalName == "Hosts").Elements().Single().Attribute("Name")!.Value);
        var wordApi = manifest.Descendants().Single(e => e.Name.LocalName == "Set" && (string?)e.Attribute("Name") == "WordApi");
        Assert.Equal("1.4", (string?)wordApi.Attribute("MinVersion"));
        Assert.Contains(manifest.Descendants(), e => e.Name.LocalName == "TaskpaneId" && e.Value == "Office.AutoShowTaskpaneWithDocument");
        Assert.Contains(manifest.Descendants(), e => e.Name.LocalName == "ExtensionPoint" && e.Attributes().Any(a => a.Value == "PrimaryCommandSurface"));
    }

    [Fact]
    public void Is_well_formed_with_a_fixed_id_and_both_appointment_surfaces()
    {
        var manifest = Load();
        var id = manifest.Root!.Elements().Single(e => e.Name.LocalName == "Id").Value;
        Assert.Equal("13cc9dc9-1229-4cb6-9d73-82b93840230f", id);
        var surfaces = manifest.Descendants().Where(e => e.Name.LocalName == "ExtensionPoint")
            .Select(e => e.Attributes().Single(a => a.Name.LocalName == "type").Value).ToList();
        Assert.Contains("AppointmentOrganizerCommandSurface", surfaces);
        Assert.Contains("AppointmentAttendeeCommandSurface", surfaces);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_resid_resolves_to_a_resource(string file)
    {
        var manifest = Load(file);
        var resources = manifest.Descendants().Where(e => e.Name.LocalName == "Resources").SelectMany(r => r.Descendants())
            .Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToHashSet();
        var missing = manifest.Descendants().Select(e => (string?)e.Attribute("resid")).Where(r => r is not null && !resources.Contains(r)).ToList();
        Assert.Empty(missing);
        Assert.Contains(manifest.Descendants(), e => e.Attribute("resid") is not null);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_string_has_a_Dutch_translation_beside_the_English(string file)
    {
        var manifest = Load(file);
        var strings = manifest.Descendants(Bt + "String").Concat(manifest.Root!.Elements().Where(e => e.Name.LocalName is "DisplayName" or "Description"));
        foreach (var text in strings)
        {
            Assert.Contains(text.Elements(), e => e.Name.LocalName == "Override" && (string?)e.Attribute("Locale") == "nl-NL");
        }
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_url_is_https_on_the_panes_host_and_names_a_file_the_build_serves(string file)
    {
        var manifest = Load(file);
        // Every address except the XML namespaces (names, not places).
        var urls = manifest.Descendants().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).Select(a => a.Value)
            .Concat(manifest.Descendants().Where(e => !e.HasElements).Select(e => e.Value))
            .Where(v => v.Contains("://", StringComparison.Ordinal)).Distinct().ToList();
        Assert.NotEmpty(urls);
        foreach (var url in urls)
        {
            var uri = new Uri(url);
            Assert.Equal("https", uri.Scheme);
            Assert.Equal(new Uri(DevelopmentBase).Authority, uri.Authority);
            if (uri.AbsolutePath != "/")
            {
                // Vite copies public/ as is; taskpane.html and word.html are the panes' pages.
                var source = uri.AbsolutePath is "/taskpane.html" or "/word.html"
                    ? Path.Combine(AddInFolder.Path, uri.AbsolutePath.TrimStart('/'))
                    : Path.Combine(AddInFolder.Path, "public", uri.AbsolutePath.TrimStart('/'));
                Assert.True(File.Exists(source), $"{url} names {source}, which does not exist.");
            }
        }

        var iconSizes = Directory.GetFiles(Path.Combine(AddInFolder.Path, "public", "icons"), "icon-*.png").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.Equal(["icon-128", "icon-16", "icon-32", "icon-64", "icon-80"], iconSizes);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public async Task Validates_against_the_add_in_manifest_schemas_with_xmllint(string file)
    {
        var schema = Path.GetFullPath(Path.Combine(AddInFolder.RepositoryRoot, "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd"));
        Assert.SkipUnless(
            File.Exists(schema),
            $"The manifest schemas are not at {schema}: they sit beside the repository in shared/schemas/office-addin-manifest "
            + "(Microsoft publishes them in [MS-OWEMXML], appendix A, 'Full XML Schema'); put that folder there to run this check.");
        var (exit, output) = await RunAsync("xmllint", $"--noout --schema \"{schema}\" \"{PathOf(file)}\"");
        Assert.True(exit == 0, output);
    }

    [Theory]
    [InlineData("/manifest.xml", Outlook)]
    [InlineData("/word-manifest.xml", Word)]
    public async Task The_server_serves_the_manifest_rewritten_for_its_public_base_url(string route, string file)
    {
        await using var server = new ConfiguredServer("https://oneonone.example.org/");
        using var client = server.CreateClient();
        var served = await client.GetStringAsync(route, TestContext.Current.CancellationToken);
        var original = await File.ReadAllTextAsync(PathOf(file), TestContext.Current.CancellationToken);
        Assert.DoesNotContain("localhost:7080", served, StringComparison.Ordinal);
        Assert.Equal(original.Replace(DevelopmentBase, "https://oneonone.example.org", StringComparison.Ordinal), served);
        XDocument.Parse(served);
    }

    [Fact]
    public async Task Without_a_configured_base_url_the_manifest_names_the_address_the_request_came_to()
    {
        await using var server = new ConfiguredServer(null);
        using var client = server.CreateClient();
        client.BaseAddress = new Uri("https://pane.example.net:8443/");
        var served = await client.GetStringAsync("/manifest.xml", TestContext.Current.CancellationToken);
        Assert.Contains("https://pane.example.net:8443/taskpane.html", served, StringComparison.Ordinal);
        var word = await client.GetStringAsync("/word-manifest.xml", TestContext.Current.CancellationToken);
        Assert.Contains("https://pane.example.net:8443/word.html", word, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/taskpane.html")]
    [InlineData("/word.html")]
    public async Task The_pane_page_lets_Office_frame_it_and_load_office_js_and_nothing_else(string page)
    {
        await using var server = new ConfiguredServer(null);
        using var client = server.CreateClient();
        using var response = await client.GetAsync(page, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' https://*.office.com", policy, StringComparison.Ordinal);
        Assert.Contains("https://*.outlook.com", policy, StringComparison.Ordinal);
        // Scripts from this origin and Microsoft's CDN, and inline only the page's own early script, by its hash.
        var scriptSource = policy.Split(';').Select(directive => directive.Trim()).Single(directive => directive.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Matches("^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')* https://appsforoffice.microsoft.com$", scriptSource);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The API in memory (no port), with an optional App:PublicBaseUrl.</summary>
    [Fact]
    public async Task Started_with_https_the_manifest_the_README_sideloads_over_http_points_at_https()
    {
        // As the README says: started with the https profile (HTTP and HTTPS), the manifest is fetched over plain HTTP.
        await using var server = new HttpAndHttpsServer();
        server.UseKestrel();
        server.StartServer();
        var addresses = server.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
        var http = addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/');
        var https = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');

        using var client = new HttpClient();
        var served = await client.GetStringAsync($"{http}/manifest.xml", TestContext.Current.CancellationToken);

        var addressesInManifest = XDocument.Parse(served).Descendants().Attributes("DefaultValue")
            .Select(a => a.Value).Where(v => v.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(addressesInManifest);
        Assert.All(addressesInManifest.Where(v => !v.Contains("microsoft.com", StringComparison.Ordinal)), v => Assert.StartsWith(https + "/", v, StringComparison.Ordinal));
    }

    /// <summary>Listens on HTTP and HTTPS with a self-signed certificate, as the https launch profile does.</summary>
    private sealed class HttpAndHttpsServer() : ConfiguredServer(publicBaseUrl: null)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=localhost", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            var pfx = Path.Combine(DataFolder, "localhost.pfx");
            File.WriteAllBytes(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "test"));
            builder.UseSetting("urls", "http://127.0.0.1:0;https://127.0.0.1:0");
            builder.UseSetting("Kestrel:Certificates:Default:Path", pfx);
            builder.UseSetting("Kestrel:Certificates:Default:Password", "test");
        }
    }

    private class ConfiguredServer(string? publicBaseUrl) : WebApplicationFactory<Program>
    {
        protected string DataFolder { get; } = Directory.CreateTempSubdirectory("oneonone-addin-manifest-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("App:DataFolder", DataFolder);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:OneOnOne", "");
            builder.UseSetting("Authentication:Mode", "Development");
            builder.UseSetting("Demo:Seed", "false");
            // Hangfire's storage is process-wide: only the browser tests' PaneServer runs it in this test process.
            builder.UseSetting("FollowUps:Enabled", "false");
            if (publicBaseUrl is not null)
            {
                builder.UseSetting("App:PublicBaseUrl", publicBaseUrl);
            }
        }
    }
}
