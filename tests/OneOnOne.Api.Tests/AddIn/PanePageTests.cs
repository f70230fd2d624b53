using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneOnOne.Api.AddIn;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.AddIn;

/// <summary>
/// The panes' pages carry the sign-in configuration, so a pane signs in without asking for it first; and nothing
/// else: no token, no 1-on-1.
/// </summary>
public sealed class PanePageTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpResponseMessage Response, string Html)> PageAsync(string path)
    {
        var response = await api.CreateClient().GetAsync(path, Cancel);
        Assert.SkipWhen(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound, "The add-in is not built (SkipAddInBuild).");
        return (response, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static ClientConfig ConfigIn(string html) =>
        JsonSerializer.Deserialize<ClientConfig>(DataIn(html, AddInSetup.ConfigElementId) ?? throw new InvalidOperationException("No configuration in the page."), JsonSerializerOptions.Web)!;

    /// <summary>The text of a data element in the page's head; null when the page has none with that id.</summary>
    private static string? DataIn(string html, string elementId)
    {
        var start = html.IndexOf($"<script type=\"application/json\" id=\"{elementId}\">", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        Assert.True(start < html.IndexOf("</head>", StringComparison.Ordinal), $"{elementId} is in the page's head.");
        start = html.IndexOf('>', start) + 1;
        return html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
    }

    [Theory]
    [InlineData("/taskpane.html")]
    [InlineData("/taskpane.html?host=outlook")]
    [InlineData("/word.html")]
    [InlineData("/admin.html")]
    public async Task A_page_carries_the_config_endpoints_configuration_and_no_1_on_1_content(string path)
    {
        var (response, html) = await PageAsync(path);
        var endpoint = await api.CreateClient().GetFromJsonAsync<ClientConfig>("/api/config", JsonSerializerOptions.Web, Cancel);

        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(endpoint, ConfigIn(html));
        // No Graph in Development mode: the pane downloads the notes document.
        Assert.False(endpoint!.OneDrive);
        // The only data in the page is the configuration: no token, no pane.
        Assert.Equal(1, html.Split("<script type=\"application/json\"").Length - 1);
        Assert.DoesNotContain("accessToken", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_lets_exactly_the_pages_own_inline_script_run()
    {
        var (response, html) = await PageAsync("/taskpane.html");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var scriptSource = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));

        var open = html.IndexOf("<script>", StringComparison.Ordinal);
        Assert.True(open > 0, "The build writes the early script into taskpane.html.");
        var code = html[(open + "<script>".Length)..html.IndexOf("</script>", open, StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
        Assert.Equal($"script-src 'self' 'sha256-{hash}' https://appsforoffice.microsoft.com", scriptSource);
        Assert.DoesNotContain("unsafe-inline", scriptSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_in_the_configuration_can_close_its_element()
    {
        var element = AddInSetup.ConfigElement(new ClientConfig("EntraId", "</script><script>alert(1)</script>", null, null, OneDrive: true));

        Assert.Equal(1, element.Split("</script>").Length - 1);
        Assert.EndsWith("</script>", element, StringComparison.Ordinal);
    }
}
