using System.Text.Json;
using Microsoft.Playwright;

namespace OneOnOne.AddIn.Tests;

public static class Accessibility
{
    /// <summary>
    /// axe-core's full default rule set over the page as it is now; every violation, whatever its impact, fails with
    /// its rule and nodes. The page must allow the injected script (open it with bypassCsp).
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(AddInFolder.Path, "node_modules", "axe-core", "axe.min.js") });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document)).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary) }))");
        var violations = json.EnumerateArray().Select(v => v.ToString()).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
