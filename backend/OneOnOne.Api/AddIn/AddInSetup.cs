using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using OneOnOne.Api.Graph;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.AddIn;

/// <summary>Serves the built task panes and the add-in manifests from the API's own origin.</summary>
public static partial class AddInSetup
{
    /// <summary>The base URL written in manifest.xml in the repository (the local HTTPS development server).</summary>
    public const string ManifestBaseUrl = "https://localhost:7080";

    /// <summary>Where the add-in's build (addin/, see AddIn.targets) puts the panes, under the content root.</summary>
    public const string BuiltPanesFolder = "wwwroot/addin";

    /// <summary>The element of a pane's page that carries the sign-in configuration (read by addin/src/core/auth.ts).</summary>
    public const string ConfigElementId = "oneonone-config";

    private const string OutlookPanePage = "taskpane.html";
    /// <summary>The pages the server fills in (sign-in configuration): both panes, and the admin page of the conversation guide.</summary>
    private static readonly string[] PanePages = [OutlookPanePage, "word.html", "admin.html"];

    public static IServiceCollection AddAddIn(this IServiceCollection services)
    {
        services.AddKeyedSingleton(AddInManifest.Outlook, (_, _) => new AddInManifest(AddInManifest.Outlook));
        services.AddKeyedSingleton(AddInManifest.Word, (_, _) => new AddInManifest(AddInManifest.Word));
        return services;
    }

    public static WebApplication MapAddIn(this WebApplication app)
    {
        var folder = Path.Combine(app.Environment.ContentRootPath, BuiltPanesFolder);
        var built = File.Exists(Path.Combine(folder, OutlookPanePage));
        var settings = app.Services.GetRequiredService<AuthenticationSettings>();
        var policy = ContentSecurityPolicy(settings, []);

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = built ? new PhysicalFileProvider(folder) : new NullFileProvider(),
            OnPrepareResponse = context => PrepareResponse(context.Context.Response, context.File.Name, context.Context.Request.Path, policy),
        });

        // Opening the server in a browser shows the pane's preview.
        app.MapGet("/", () => TypedResults.Redirect("/taskpane.html")).AllowAnonymous().ExcludeFromDescription();
        if (built)
        {
            foreach (var page in PanePages)
            {
                var file = Path.Combine(folder, page);
                app.MapGet($"/{page}", async (HttpContext context, CancellationToken cancellationToken) =>
                    {
                        // Read on each request: the page is small, and a new build of the panes must show at once.
                        var html = await File.ReadAllTextAsync(file, cancellationToken);
                        PrepareResponse(context.Response, page, context.Request.Path, ContentSecurityPolicy(settings, InlineScriptHashes(html)));
                        var config = ClientConfig.For(settings, context.RequestServices.GetRequiredService<GraphClients>());
                        return TypedResults.Content(IntoHead(html, ConfigElement(config)), "text/html; charset=utf-8");
                    })
                    .AllowAnonymous().ExcludeFromDescription();
            }
        }
        else
        {
            // Built with -p:SkipAddInBuild=true and never built since: say how to get the pane instead of a bare 404.
            app.MapGet("/taskpane.html", () => TypedResults.Text(
                    "The task pane is not built. Run `npm ci && npm run build` in addin/ (or build the API without -p:SkipAddInBuild=true).",
                    statusCode: StatusCodes.Status503ServiceUnavailable))
                .AllowAnonymous().ExcludeFromDescription();
        }

        app.MapGet("/manifest.xml", ([FromKeyedServices(AddInManifest.Outlook)] AddInManifest manifest, HttpRequest request, PublicAddress address) =>
                TypedResults.Text(manifest.For(address.ForManifest(request)), "application/xml; charset=utf-8"))
            .AllowAnonymous()
            .WithTags("Add-in")
            .WithSummary("The Outlook add-in manifest, with this server's public base URL in every address.");
        app.MapGet("/word-manifest.xml", ([FromKeyedServices(AddInManifest.Word)] AddInManifest manifest, HttpRequest request, PublicAddress address) =>
                TypedResults.Text(manifest.For(address.ForManifest(request)), "application/xml; charset=utf-8"))
            .AllowAnonymous()
            .WithTags("Add-in")
            .WithSummary("The Word add-in manifest (the pane beside the meeting-notes document), with this server's public base URL in every address.");
        return app;
    }


    /// <summary>
    /// The sign-in configuration as data in the page (type application/json is never run, so the strict script-src
    /// stays as it is): the pane then knows how to sign in without first asking GET /api/config.
    /// </summary>
    public static string ConfigElement(ClientConfig config) =>
        // The default encoder escapes <, > and &, so nothing in the values can close the element.
        $"<script type=\"application/json\" id=\"{ConfigElementId}\">{JsonSerializer.Serialize(config, JsonSerializerOptions.Web)}</script>";

    public static string IntoHead(string html, string elements)
    {
        var head = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return head < 0 ? html : html.Insert(head, elements);
    }

    /// <summary>
    /// The CSP hashes of the page's inline scripts (the early script the add-in's build writes into taskpane.html):
    /// the policy allows exactly those, so script-src needs no 'unsafe-inline'.
    /// </summary>
    public static IReadOnlyList<string> InlineScriptHashes(string html) =>
        InlineScript().Matches(html)
            .Select(match => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups["code"].Value)))}'")
            .ToList();

    // Scripts without attributes only: the config element (type application/json) is data, and the others have a src.
    [GeneratedRegex("<script>(?<code>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    private static void PrepareResponse(HttpResponse response, string fileName, PathString path, string policy)
    {
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        if (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers[HeaderNames.ContentSecurityPolicy] = policy;
            // A new build must reach people at once: the page is small and names its hashed assets.
            response.Headers[HeaderNames.CacheControl] = "no-cache";
        }
        else if (path.StartsWithSegments("/assets"))
        {
            // Vite puts a content hash in every name under /assets.
            response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        }
        else
        {
            response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
        }
    }

    /// <summary>
    /// The panes run inside Outlook's and Office's own pages (frame-ancestors), load office.js from Microsoft's CDN,
    /// run no inline script but the page's own (by hash), talk only to this origin (and to the sign-in authority in
    /// Entra ID mode), and Fluent UI writes its styles at run time (style-src 'unsafe-inline').
    /// </summary>
    public static string ContentSecurityPolicy(AuthenticationSettings settings, IReadOnlyList<string> inlineScriptHashes)
    {
        const string officeCdn = "https://appsforoffice.microsoft.com";
        var authority = settings.Mode == AuthenticationMode.EntraId && Uri.TryCreate(settings.Instance, UriKind.Absolute, out var instance)
            ? $" {instance.Scheme}://{instance.Authority}"
            : "";
        string[] officeHosts =
        [
            "https://*.office.com", "https://*.office365.com", "https://*.outlook.com", "https://outlook.live.com",
            "https://*.officeapps.live.com", "https://*.microsoft365.com", "https://*.cloud.microsoft", "https://*.microsoft.com",
            "https://*.sharepoint.com",
        ];
        return string.Join("; ",
            "default-src 'self'",
            $"script-src 'self' {string.Concat(inlineScriptHashes.Select(hash => hash + " "))}{officeCdn}",
            "style-src 'self' 'unsafe-inline'",
            $"img-src 'self' data: blob: {officeCdn}",
            "font-src 'self' data:",
            $"connect-src 'self'{authority}",
            $"frame-src 'self' {officeCdn}{authority}",
            $"frame-ancestors 'self' {string.Join(' ', officeHosts)}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");
    }
}
