using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneOnOne.AddIn.Tests;

/// <summary>The Hangfire dashboard in Chromium, from this machine in Development: styled, scripted, and no CSP violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserFixture fixture)
{
    [Fact]
    public async Task The_dashboard_renders_with_its_own_styles_and_scripts_and_no_policy_violation()
    {
        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI));");

        var answer = await page.GotoAsync($"{fixture.Server.BaseUrl}/hangfire");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(200, answer!.Status);
        var policy = await answer.HeaderValueAsync("content-security-policy");
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        // Hangfire's stylesheet is applied (Bootstrap's fixed navbar) and its scripts drew the realtime graph.
        Assert.Equal("fixed", await page.Locator(".navbar").First.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        await Expect(page.Locator("canvas#realtimeGraph.chartjs-render-monitor")).ToBeAttachedAsync();
        Assert.Empty(violations);
    }
}
