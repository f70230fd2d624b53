using System.Net;
using System.Text.Json;
using OneOnOne.Api.AddIn;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Foundation;

/// <summary>The panes' pages carry the sign-in configuration, so a pane signs in without asking for it first.</summary>
public sealed class PanePageTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/taskpane.html")]
    [InlineData("/word.html")]
    public async Task A_pane_page_carries_the_same_configuration_as_the_config_endpoint(string path)
    {
        var client = api.CreateClient();
        var page = await client.GetAsync(path, Cancel);
        Assert.SkipWhen(page.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.NotFound, "The add-in is not built (SkipAddInBuild).");
        var html = await page.Content.ReadAsStringAsync(Cancel);
        var config = await client.GetStringAsync("/api/config", Cancel);

        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        Assert.Contains(AddInSetup.ConfigElement(JsonSerializer.Deserialize<ClientConfig>(config, JsonSerializerOptions.Web)!), html, StringComparison.Ordinal);
        Assert.True(html.IndexOf(AddInSetup.ConfigElementId, StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_in_the_configuration_can_close_its_element()
    {
        var element = AddInSetup.ConfigElement(new ClientConfig("EntraId", "</script><script>alert(1)</script>", null, null));

        Assert.Equal(1, element.Split("</script>").Length - 1);
        Assert.EndsWith("</script>", element, StringComparison.Ordinal);
    }
}
