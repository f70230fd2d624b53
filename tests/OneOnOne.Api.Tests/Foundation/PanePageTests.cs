using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OneOnOne.Api.AddIn;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Foundation;

/// <summary>
/// The panes' pages carry the sign-in configuration, so a pane signs in without asking for it first, and in
/// Development mode a token for the preview, so the page's early script asks for the pane's data at once.
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

    private static ClientConfig ConfigIn(string html)
    {
        var start = html.IndexOf($"id=\"{AddInSetup.ConfigElementId}\">", StringComparison.Ordinal);
        Assert.True(start > 0 && start < html.IndexOf("</head>", StringComparison.Ordinal), "The configuration is in the page's head.");
        start = html.IndexOf('>', start) + 1;
        return JsonSerializer.Deserialize<ClientConfig>(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)], JsonSerializerOptions.Web)!;
    }

    [Theory]
    [InlineData("/taskpane.html")]
    [InlineData("/word.html")]
    public async Task A_pane_page_carries_the_config_endpoints_configuration_and_a_preview_token(string path)
    {
        var (response, html) = await PageAsync(path);
        var endpoint = await api.CreateClient().GetFromJsonAsync<ClientConfig>("/api/config", JsonSerializerOptions.Web, Cancel);

        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var inPage = ConfigIn(html);
        Assert.Equal(endpoint, inPage with { PreviewSignIn = null });
        Assert.Null(endpoint!.PreviewSignIn);

        // The first demo person's token, as POST /dev/token without an e-mail gives it, and it works.
        Assert.NotNull(inPage.PreviewSignIn);
        Assert.Equal(DemoData.People[0].Email, inPage.PreviewSignIn.Email);
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", inPage.PreviewSignIn.AccessToken);
        var answer = await api.CreateClient().SendAsync(me, Cancel);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains(DemoData.People[0].Email, await answer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
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
        var element = AddInSetup.ConfigElement(new ClientConfig("EntraId", "</script><script>alert(1)</script>", null, null));

        Assert.Equal(1, element.Split("</script>").Length - 1);
        Assert.EndsWith("</script>", element, StringComparison.Ordinal);
    }
}
