using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneOnOne.AddIn.Tests;

/// <summary>The conversation guide's admin page in Chromium, as the demo HR person (the administrators' app role).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPageTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    private async Task<IPage> OpenAdminAsync(string demoPerson, bool bypassCsp = false)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", BypassCSP = bypassCsp, ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        await context.AddInitScriptAsync($"localStorage.setItem('oneonone.demoPerson', {JsonSerializer.Serialize(demoPerson)});");
        var page = await context.NewPageAsync();
        pages.Add(page);
        await page.GotoAsync($"{fixture.Server.BaseUrl}/admin.html");
        return page;
    }

    [Fact]
    public async Task HR_edits_a_prompt_in_both_languages_and_the_person_sees_it_in_the_pane()
    {
        // The prompt Priya's pane shows first for her next 1-on-1.
        using var api = new HttpClient { BaseAddress = new Uri(fixture.Server.BaseUrl) };
        using var token = await api.PostAsJsonAsync("/dev/token", new { email = FakeOutlook.Priya.EmailAddress }, TestContext.Current.CancellationToken);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString());
        var next = await api.GetFromJsonAsync<JsonElement>("/api/meetings/next/pane", TestContext.Current.CancellationToken);
        var key = next.GetProperty("prompts")[0].GetProperty("key").GetString()!;

        var admin = await OpenAdminAsync("noor.bakker@demo.oneonone.test");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Gespreksgids");
        var entry = admin.Locator($"li[data-key='{key}']");
        var english = $"What would make this week a good one? {Guid.NewGuid():N}"[..46];
        await entry.GetByLabel("Tekst (Nederlands)").FillAsync("Wat zou deze week goed maken?");
        await entry.GetByLabel("Tekst (Engels)").FillAsync(english);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Gespreksgids opslaan" }).ClickAsync();
        await Expect(admin.GetByTestId("guide-status")).ToContainTextAsync("Opgeslagen als versie");
        await Expect(admin.GetByTestId("guide-history").Locator("li").First).ToContainTextAsync("Noor Bakker");
        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "admin-guide.png") });

        var pane = await FakeOutlook.OpenAsync(
            fixture.Browser, $"{fixture.Server.BaseUrl}/taskpane.html",
            new FakeAppointment("read", FakeOutlook.Priya, FakeOutlook.Sanne, [FakeOutlook.Priya], PaneServer.NextDemoMeetingStart()));
        pages.Add(pane);
        await Expect(pane.GetByTestId("prompts")).ToContainTextAsync(english);
    }

    [Fact]
    public async Task A_person_without_the_admin_role_is_told_so_and_no_guide_is_shown()
    {
        var page = await OpenAdminAsync(FakeOutlook.Priya.EmailAddress);
        await Expect(page.GetByText("Only people with the OneOnOne.Admin role", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("guide-prompts")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_admin_page_has_no_accessibility_violations()
    {
        var page = await OpenAdminAsync("noor.bakker@demo.oneonone.test", bypassCsp: true);
        await Expect(page.GetByTestId("guide-prompts")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
