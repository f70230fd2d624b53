using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.AddIn;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.AddIn;

/// <summary>
/// The panes' pages carry the sign-in configuration, so a pane signs in without asking for it first, and in
/// Development mode a token for the preview and, outside Office, the preview's pane, so the page's early script shows
/// the agenda without a request.
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

    private HttpClient PreviewPersonClient() => api.ClientFor(TestPerson.Demo(DemoData.People[0]));

    [Theory]
    [InlineData("/taskpane.html", "no-store")] // It carries the preview's pane.
    [InlineData("/word.html", "no-cache")]
    public async Task A_pane_page_carries_the_config_endpoints_configuration_and_a_preview_token(string path, string caching)
    {
        var (response, html) = await PageAsync(path);
        var endpoint = await api.CreateClient().GetFromJsonAsync<ClientConfig>("/api/config", JsonSerializerOptions.Web, Cancel);

        Assert.Equal(caching, response.Headers.CacheControl?.ToString());
        var inPage = ConfigIn(html);
        Assert.Equal(endpoint, inPage with { PreviewSignIn = null });
        Assert.Null(endpoint!.PreviewSignIn);
        // No Graph in Development mode: the pane downloads the notes document.
        Assert.False(endpoint.OneDrive);

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
    public async Task Outside_Office_the_outlook_page_carries_the_preview_persons_next_pane_as_the_api_answers_it()
    {
        var (response, html) = await PageAsync("/taskpane.html");

        var inPage = JsonNode.Parse(DataIn(html, PreviewPane.ElementId) ?? throw new InvalidOperationException("No preview pane in the page."));
        var answered = JsonNode.Parse(await PreviewPersonClient().GetStringAsync("/api/meetings/next/pane", Cancel));
        Assert.True(JsonNode.DeepEquals(answered, inPage), $"The page's pane differs from the API's:\n{inPage}\n{answered}");
        Assert.Equal(DemoData.People[0].Email, inPage!["participants"]!.AsArray().Single(p => (bool)p!["isMe"]!)!["email"]!.GetValue<string>());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/taskpane.html?host=outlook")]
    [InlineData("/taskpane.html?_host_Info=Outlook$Win32$16.02$en-US$$$$0")]
    [InlineData("/word.html")]
    public async Task Inside_office_and_in_word_the_page_carries_no_preview_pane(string path)
    {
        var (response, html) = await PageAsync(path);

        Assert.NotNull(ConfigIn(html).PreviewSignIn);
        Assert.Null(DataIn(html, PreviewPane.ElementId));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Nothing_typed_into_the_agenda_can_close_the_preview_panes_element()
    {
        var client = PreviewPersonClient();
        var next = JsonNode.Parse(await client.GetStringAsync("/api/meetings/next/pane", Cancel))!["meeting"]!["id"]!.GetValue<Guid>();
        const string markup = "</script><script>alert(1)</script><!--";
        var added = await client.PostAsJsonAsync($"/api/meetings/{next}/agenda", new { text = markup }, Cancel);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var (_, html) = await PageAsync("/taskpane.html");

        var inPage = JsonNode.Parse(DataIn(html, PreviewPane.ElementId)!)!;
        Assert.Contains(markup, inPage["agenda"]!.AsArray().Select(item => item!["text"]!.GetValue<string>()));
        Assert.DoesNotContain("alert(1)</script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_database_still_serves_the_page_without_the_preview_pane()
    {
        await using var broken = new SqliteApiFactory();
        var client = broken.CreateClient();
        await broken.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("ALTER TABLE \"Meetings\" RENAME TO \"MeetingsGone\"", Cancel));

        var response = await client.GetAsync("/taskpane.html", Cancel);
        Assert.SkipWhen(response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound, "The add-in is not built (SkipAddInBuild).");
        var html = await response.Content.ReadAsStringAsync(Cancel);

        // The early script then asks itself, and the pane shows the API's problem with a way to retry.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(ConfigIn(html).PreviewSignIn);
        Assert.Null(DataIn(html, PreviewPane.ElementId));
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
