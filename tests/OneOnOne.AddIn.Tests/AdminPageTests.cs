using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneOnOne.Api.Data;
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
        using var api = await ApiAsAsync(FakeOutlook.Priya.EmailAddress);
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
    public async Task HR_sees_the_mail_that_was_not_sent_and_sends_it_again()
    {
        var failed = new FollowUp
        {
            TenantId = DemoData.TenantId,
            Key = $"test-failed-{Guid.NewGuid():N}",
            Kind = FollowUpKind.OverdueDigest,
            DueUtc = DateTime.UtcNow.AddHours(-2),
            Status = FollowUpStatus.Failed,
            Attempts = 5,
            LastError = "The mailbox refused the message (550 5.7.1).",
        };
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
            failed.RecipientId = (await db.People.IgnoreQueryFilters().SingleAsync(p => p.Email == FakeOutlook.Priya.EmailAddress, TestContext.Current.CancellationToken)).Id;
            db.FollowUps.Add(failed);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var admin = await OpenAdminAsync("noor.bakker@demo.oneonone.test");
        var list = admin.GetByTestId("failed-mail");
        await Expect(list).ToContainTextAsync("Te late acties voor Priya Raman (priya.raman@demo.oneonone.test)");
        await Expect(list).ToContainTextAsync("The mailbox refused the message (550 5.7.1).");
        var retried = await admin.RunAndWaitForResponseAsync(
            () => list.GetByRole(AriaRole.Button, new() { Name = "De te late acties voor Priya Raman opnieuw versturen" }).ClickAsync(),
            r => r.Url.EndsWith($"/api/admin/follow-ups/{failed.Id}/retry", StringComparison.Ordinal));

        Assert.Equal(202, retried.Status);
        await Expect(list.GetByRole(AriaRole.Status)).ToHaveTextAsync("Staat klaar om opnieuw te worden verstuurd.");
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
            var row = await db.FollowUps.IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Id == failed.Id, TestContext.Current.CancellationToken);
            Assert.NotEqual(FollowUpStatus.Failed, row.Status);
        }

        // Someone without the role sees no such list: the page refuses them as a whole.
        var priya = await OpenAdminAsync(FakeOutlook.Priya.EmailAddress);
        await Expect(priya.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(priya.GetByTestId("failed-mail")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Either_person_chooses_one_of_the_organisations_templates_in_the_pane()
    {
        using var hr = await ApiAsAsync("noor.bakker@demo.oneonone.test");
        var current = await hr.GetFromJsonAsync<JsonElement>("/api/admin/guide", TestContext.Current.CancellationToken);
        var guide = JsonNode.Parse(current.GetProperty("guide").GetRawText())!;
        guide["templates"] = new JsonArray(new JsonObject
        {
            ["key"] = "growth",
            ["name"] = new JsonObject { ["nl"] = "Groeigesprek", ["en"] = "Growth talk" },
            ["standingItems"] = new JsonArray(new JsonObject { ["nl"] = "Wat wil je leren?", ["en"] = "What do you want to learn?" }),
        });
        using var saved = await hr.PutAsJsonAsync("/api/admin/guide", new { version = current.GetProperty("version").GetInt32(), guide }, TestContext.Current.CancellationToken);
        saved.EnsureSuccessStatusCode();

        var pane = await FakeOutlook.OpenAsync(
            fixture.Browser, $"{fixture.Server.BaseUrl}/taskpane.html",
            new FakeAppointment("read", FakeOutlook.Priya, FakeOutlook.Sanne, [FakeOutlook.Priya], PaneServer.NextDemoMeetingStart()));
        pages.Add(pane);
        var template = pane.GetByTestId("agenda-template");
        var choose = template.GetByLabel("Standing items for the next meetings");
        var chosen = await pane.RunAndWaitForResponseAsync(() => choose.SelectOptionAsync("growth"), r => r.Url.EndsWith("/template", StringComparison.Ordinal));
        Assert.True(chosen.Ok);
        await Expect(template).ToContainTextAsync("On every new meeting: What do you want to learn?");
        // Back to none: the demo's later meetings stay as the other tests expect them.
        var cleared = await pane.RunAndWaitForResponseAsync(() => choose.SelectOptionAsync(""), r => r.Url.EndsWith("/template", StringComparison.Ordinal));
        Assert.True(cleared.Ok);
    }

    private Task<HttpClient> ApiAsAsync(string email) => fixture.Server.ApiAsAsync(email);

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
