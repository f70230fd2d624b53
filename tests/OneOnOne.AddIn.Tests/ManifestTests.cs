using System.Diagnostics;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OneOnOne.AddIn.Tests;

/// <summary>manifest.xml at the repository root, and the copy the server rewrites for its own address.</summary>
public sealed class ManifestTests
{
    private const string DevelopmentBase = "https://localhost:7080";
    private static readonly string ManifestPath = Path.Combine(AddInFolder.RepositoryRoot, "manifest.xml");
    private static readonly XNamespace Bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

    private static XDocument Load() => XDocument.Load(ManifestPath);

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

    [Fact]
    public void Every_resid_resolves_to_a_resource()
    {
        var manifest = Load();
        var resources = manifest.Descendants().Where(e => e.Name.LocalName == "Resources").SelectMany(r => r.Descendants())
            .Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToHashSet();
        var missing = manifest.Descendants().Select(e => (string?)e.Attribute("resid")).Where(r => r is not null && !resources.Contains(r)).ToList();
        Assert.Empty(missing);
        Assert.Contains(manifest.Descendants(), e => e.Attribute("resid") is not null);
    }

    [Fact]
    public void Every_string_has_a_Dutch_translation_beside_the_English()
    {
        var manifest = Load();
        var strings = manifest.Descendants(Bt + "String").Concat(manifest.Root!.Elements().Where(e => e.Name.LocalName is "DisplayName" or "Description"));
        foreach (var text in strings)
        {
            Assert.Contains(text.Elements(), e => e.Name.LocalName == "Override" && (string?)e.Attribute("Locale") == "nl-NL");
        }
    }

    [Fact]
    public void Every_url_is_https_on_the_panes_host_and_names_a_file_the_build_serves()
    {
        var manifest = Load();
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
                // Vite copies public/ as is, and taskpane.html is the pane's page.
                var source = uri.AbsolutePath == "/taskpane.html"
                    ? Path.Combine(AddInFolder.Path, "taskpane.html")
                    : Path.Combine(AddInFolder.Path, "public", uri.AbsolutePath.TrimStart('/'));
                Assert.True(File.Exists(source), $"{url} names {source}, which does not exist.");
            }
        }

        var iconSizes = Directory.GetFiles(Path.Combine(AddInFolder.Path, "public", "icons"), "icon-*.png").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.Equal(["icon-128", "icon-16", "icon-32", "icon-64", "icon-80"], iconSizes);
    }

    [Fact]
    public async Task Validates_against_the_add_in_manifest_schemas_with_xmllint()
    {
        var schema = Path.GetFullPath(Path.Combine(AddInFolder.RepositoryRoot, "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd"));
        Assert.SkipUnless(File.Exists(schema), $"The manifest schemas are not at {schema}.");
        var (exit, output) = await RunAsync("xmllint", $"--noout --schema \"{schema}\" \"{ManifestPath}\"");
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task The_server_serves_the_manifest_rewritten_for_its_public_base_url()
    {
        await using var server = new ConfiguredServer("https://oneonone.example.org/");
        using var client = server.CreateClient();
        var served = await client.GetStringAsync("/manifest.xml", TestContext.Current.CancellationToken);
        var original = await File.ReadAllTextAsync(ManifestPath, TestContext.Current.CancellationToken);
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
    }

    [Fact]
    public async Task The_pane_page_lets_Office_frame_it_and_load_office_js_and_nothing_else()
    {
        await using var server = new ConfiguredServer(null);
        using var client = server.CreateClient();
        using var response = await client.GetAsync("/taskpane.html", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'self' https://*.office.com", policy, StringComparison.Ordinal);
        Assert.Contains("https://*.outlook.com", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' https://appsforoffice.microsoft.com", policy, StringComparison.Ordinal);
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
    private sealed class ConfiguredServer(string? publicBaseUrl) : WebApplicationFactory<Program>
    {
        private readonly string dataFolder = Directory.CreateTempSubdirectory("oneonone-addin-manifest-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("App:DataFolder", dataFolder);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:OneOnOne", "");
            builder.UseSetting("Authentication:Mode", "Development");
            builder.UseSetting("Demo:Seed", "false");
            if (publicBaseUrl is not null)
            {
                builder.UseSetting("App:PublicBaseUrl", publicBaseUrl);
            }
        }
    }
}
