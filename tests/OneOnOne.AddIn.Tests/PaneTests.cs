using System.Collections.Concurrent;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static OneOnOne.AddIn.Tests.FakeOutlook;

namespace OneOnOne.AddIn.Tests;

/// <summary>The Outlook pane in Chromium against the real backend with demo data, office.js replaced by a fake Outlook.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PaneTests(BrowserFixture fixture) : IAsyncLifetime
{
    private readonly List<IPage> pages = [];

    private string PaneUrl => $"{fixture.Server.BaseUrl}/taskpane.html";

    private async Task<IPage> OpenAsync(FakeAppointment? appointment, bool bypassCsp = false)
    {
        var page = await FakeOutlook.OpenAsync(fixture.Browser, PaneUrl, appointment, bypassCsp: bypassCsp);
        pages.Add(page);
        return page;
    }

    private static FakeAppointment PriyaOpensInvite(string mode = "read", string mailboxVersion = "1.13") =>
        new(mode, Priya, Sanne, [Priya], PaneServer.NextDemoMeetingStart(), MailboxVersion: mailboxVersion);

    private static FakeAppointment SanneOrganizes(string mode = "compose", string mailboxVersion = "1.13") =>
        new(mode, Sanne, Sanne, [Priya], PaneServer.NextDemoMeetingStart(), MailboxVersion: mailboxVersion);

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        // A full pane: wait for the part below the first screen too.
        if (await page.GetByTestId("agenda").CountAsync() > 0)
        {
            await Expect(page.GetByTestId("health")).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    private static ILocator Agenda(IPage page) => page.GetByTestId("agenda");

    [Fact]
    public async Task Organizer_in_compose_mode_adds_an_agenda_item_with_Enter_and_sees_it_after_a_reload()
    {
        var page = await OpenAsync(SanneOrganizes());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-op-1 met Priya Raman");
        await Expect(page.GetByText("Jij bent de leidinggevende", new() { Exact = false })).ToBeVisibleAsync();

        var text = $"Planning for Q1 {Guid.NewGuid():N}"[..24];
        var field = page.GetByLabel("Nieuw gesprekspunt");
        await field.FillAsync(text);
        await field.PressAsync("Enter");
        await Expect(Agenda(page).GetByText(text)).ToBeVisibleAsync();
        await Expect(field).ToHaveValueAsync("");

        await page.ReloadAsync();
        await Expect(Agenda(page).GetByText(text)).ToBeVisibleAsync();
        await ScreenshotAsync(page, "organizer-compose");
    }

    [Fact]
    public async Task The_agenda_shows_before_React_and_Reacts_interactive_agenda_replaces_it()
    {
        var page = await OpenAsync(PriyaOpensInvite());
        await Expect(page.Locator("#root[data-interactive]")).ToHaveCountAsync(1);

        // Hold the UI code back (routing also turns the browser's cache off), so the first view stays on screen.
        var release = new TaskCompletionSource();
        await page.Context.RouteAsync("**/assets/App-*.js", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.Commit });

        var root = page.Locator("#root");
        await Expect(Agenda(page).Locator("li").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-on-1 with Sanne Visser");
        await Expect(root).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(root).Not.ToHaveAttributeAsync("data-interactive", "true");
        await Expect(Agenda(page).GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        var firstItem = (await Agenda(page).Locator("li").First.Locator("span").First.InnerTextAsync()).Trim();

        release.SetResult();
        await Expect(root).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(root).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(Agenda(page)).ToHaveCountAsync(1);
        await Expect(Agenda(page).GetByText(firstItem)).ToBeVisibleAsync();
        await Expect(Agenda(page).GetByRole(AriaRole.Checkbox).First).ToBeEnabledAsync();
        await Expect(page.GetByLabel("New talking point")).ToBeEditableAsync();
    }

    [Fact]
    public async Task Attendee_in_read_mode_ticks_an_open_action_and_it_stays_done()
    {
        var page = await OpenAsync(PriyaOpensInvite());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-on-1 with Sanne Visser");
        await Expect(page.GetByText("You are the report")).ToBeVisibleAsync();

        var actions = page.GetByTestId("previous-actions");
        var overdue = actions.Locator("li[data-overdue]");
        await Expect(overdue).ToHaveCountAsync(1);
        await Expect(overdue.GetByText("Overdue")).ToBeVisibleAsync();

        var tick = actions.GetByRole(AriaRole.Checkbox, new() { Name = "Done: Rewrite the second half of the talk proposal" });
        // The tick shows at once; wait for the server's answer before reloading.
        var saved = await page.RunAndWaitForResponseAsync(() => tick.CheckAsync(), r => r.Url.EndsWith("/complete", StringComparison.Ordinal));
        Assert.True(saved.Ok);
        await Expect(tick).ToBeCheckedAsync();
        await page.ReloadAsync();
        await Expect(page.GetByTestId("previous-actions").GetByRole(AriaRole.Checkbox, new() { Name = "Done: Rewrite the second half of the talk proposal" })).ToBeCheckedAsync();
        await ScreenshotAsync(page, "attendee-read");
    }

    [Fact]
    public async Task A_feedback_prompt_goes_on_the_agenda_in_one_click()
    {
        var page = await OpenAsync(PriyaOpensInvite());
        var prompts = page.GetByTestId("prompts");
        var first = prompts.Locator("li").First;
        var promptText = (await first.Locator("span").First.InnerTextAsync()).Trim();
        await first.GetByRole(AriaRole.Button, new() { Name = "Add to agenda" }).ClickAsync();

        await Expect(Agenda(page).GetByText(promptText)).ToBeVisibleAsync();
        await Expect(first.GetByRole(AriaRole.Button)).ToHaveTextAsync("On the agenda");
        await Expect(first.GetByRole(AriaRole.Button)).ToBeDisabledAsync();
        await ScreenshotAsync(page, "prompt-added");
    }

    [Fact]
    public async Task Dutch_Outlook_shows_the_pane_in_Dutch()
    {
        var daan = new FakeAppointment("read", Daan, Sanne, [Daan], PaneServer.NextDemoMeetingStart(dutchSeries: true), DisplayLanguage: "nl-NL");
        var page = await OpenAsync(daan);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-op-1 met Sanne Visser");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Openstaande acties uit eerdere gesprekken" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vragen voor jou als medewerker" })).ToBeVisibleAsync();
        Assert.Equal("nl", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await ScreenshotAsync(page, "dutch");
    }

    [Fact]
    public async Task An_event_with_more_than_two_people_says_it_is_not_a_1_on_1_and_why()
    {
        var group = new FakeAppointment("read", Priya, Sanne, [Priya, Daan, Joris], PaneServer.NextDemoMeetingStart());
        var page = await OpenAsync(group);
        await Expect(page.GetByText("This isn't a 1-on-1")).ToBeVisibleAsync();
        // The demo team meeting invites all six demo people.
        await Expect(page.GetByText("6 people are invited", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("Invite just that person", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(Agenda(page)).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "not-a-1-on-1");
    }

    [Fact]
    public async Task The_not_a_1_on_1_screen_speaks_the_persons_own_language_in_an_English_Outlook()
    {
        // Sanne chose Dutch; her Outlook is English. The server writes its reason in Dutch, so the whole screen is Dutch.
        var group = new FakeAppointment("read", Sanne, Sanne, [Priya, Daan, Joris], PaneServer.NextDemoMeetingStart(), DisplayLanguage: "en-US");
        var page = await OpenAsync(group);
        await Expect(page.GetByText("Dit is geen 1-op-1", new() { Exact = false }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("mensen uitgenodigd", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("This isn't a 1-on-1")).ToHaveCountAsync(0);
        Assert.Equal("nl", await page.EvaluateAsync<string>("document.documentElement.lang"));
    }

    [Fact]
    public async Task In_the_preview_a_person_without_1_on_1s_is_told_so_in_their_own_language()
    {
        // The browser is English; Joris chose Dutch.
        var page = await OpenAsync(appointment: null);
        await Expect(Agenda(page)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Demopersoon" }).SelectOptionAsync(new SelectOptionValue { Label = "Joris Smit" });

        await Expect(page.GetByText("Joris Smit heeft geen geplande 1-op-1's", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByText("has no upcoming")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task What_one_person_adds_shows_in_the_others_open_pane_without_a_reload_and_each_sees_who_else_is_there()
    {
        var sanne = await OpenAsync(SanneOrganizes());
        var priya = await OpenAsync(PriyaOpensInvite());
        await Expect(Agenda(sanne)).ToBeVisibleAsync();
        await Expect(Agenda(priya)).ToBeVisibleAsync();
        // Priya is typing a point of her own meanwhile.
        await priya.GetByLabel("New talking point").FillAsync("Half-typed by Priya");
        await priya.WaitForTimeoutAsync(1000);

        var text = $"Live from Sanne {Guid.NewGuid():N}"[..28];
        var field = sanne.GetByLabel("Nieuw gesprekspunt");
        await field.FillAsync(text);
        await field.PressAsync("Enter");

        await Expect(Agenda(priya).GetByText(text)).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(priya.GetByLabel("New talking point")).ToHaveValueAsync("Half-typed by Priya");
        // Each sees who else has the meeting open, in their own language; a closed pane is gone from the other's.
        await Expect(priya.GetByTestId("also-open")).ToHaveTextAsync("Sanne Visser also has this meeting open.");
        await Expect(sanne.GetByTestId("also-open")).ToHaveTextAsync("Priya Raman heeft dit gesprek ook open.");
        await sanne.CloseAsync();
        await Expect(priya.GetByTestId("also-open")).ToHaveCountAsync(0, new() { Timeout = 10000 });
    }

    [Fact]
    public async Task An_unsaved_private_draft_stays_in_this_tab_under_the_persons_own_key_and_never_on_disk()
    {
        var page = await OpenAsync(SanneOrganizes());
        await Expect(Agenda(page)).ToBeVisibleAsync();
        // The server cannot be reached: the typed text has to be kept as a draft.
        await page.Context.RouteAsync("**/notes/private", route => route.AbortAsync());

        await page.GetByLabel("Privéaantekeningen (alleen jij)").FillAsync("Only for me");
        await Expect(page.GetByText("Only for me")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync("() => Object.keys(sessionStorage).some(k => k.startsWith('oneonone.draft.'))");

        var sessionKeys = await page.EvaluateAsync<string[]>("Object.keys(sessionStorage).filter(k => k.startsWith('oneonone.draft.'))");
        var diskKeys = await page.EvaluateAsync<string[]>("Object.keys(localStorage).filter(k => k.startsWith('oneonone.draft.'))");
        var me = OneOnOne.Api.Data.DemoData.Manager.Id.ToString();
        Assert.Equal($"oneonone.draft.{me}.", Assert.Single(sessionKeys)[..(16 + me.Length)]);
        Assert.Empty(diskKeys);
    }

    [Fact]
    public async Task Errors_are_titled_by_what_happened()
    {
        var page = await OpenAsync(SanneOrganizes());
        await Expect(Agenda(page)).ToBeVisibleAsync();
        var status = 404;
        await page.Context.RouteAsync("**/api/meetings/*/pane", route => route.FulfillAsync(new()
        {
            Status = status,
            ContentType = "application/problem+json",
            Headers = new Dictionary<string, string> { ["Content-Language"] = "nl" },
            Body = "{\"status\":" + status + ",\"title\":\"Niet gevonden\",\"detail\":\"Hier staat niets, of het is niet voor jou bedoeld.\"}",
        }));

        await page.ReloadAsync();
        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("Gesprek niet gevonden");
        await Expect(alert).Not.ToContainTextAsync("niet bereikbaar");

        status = 500;
        await page.GetByRole(AriaRole.Button, new() { Name = "Opnieuw proberen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Er ging iets mis");
    }

    [Fact]
    public async Task Backend_down_shows_a_retryable_error_and_retry_recovers()
    {
        // Inside Outlook: the preview's page carries its first pane, so only the API's later answers could fail there.
        var page = await OpenAsync(SanneOrganizes());
        await page.Context.RouteAsync($"{fixture.Server.BaseUrl}/api/**", route => route.AbortAsync());
        await page.ReloadAsync();

        var alert = page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("can't be reached");
        await ScreenshotAsync(page, "backend-down");

        await page.Context.UnrouteAsync($"{fixture.Server.BaseUrl}/api/**");
        await page.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(Agenda(page)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Outside_Office_the_preview_shows_the_next_demo_meeting()
    {
        var page = await OpenAsync(null);
        await Expect(page.GetByText("Preview outside Outlook", new() { Exact = false }).Or(page.GetByText("Voorbeeld buiten Outlook", new() { Exact = false }))).ToBeVisibleAsync();
        await Expect(Agenda(page)).ToBeVisibleAsync();
        await ScreenshotAsync(page, "preview");
    }

    [Fact]
    public async Task In_the_preview_the_page_shows_the_agenda_it_carries_before_any_module_loads_and_without_a_request()
    {
        var release = new TaskCompletionSource();
        var requested = new ConcurrentQueue<string>();
        var page = await FakeOutlook.OpenAsync(fixture.Browser, PaneUrl, null, prepare: async context =>
        {
            context.Request += (_, request) => requested.Enqueue(new Uri(request.Url).AbsolutePath);
            // No module arrives until released: what shows meanwhile is the inline early script's work, under the
            // page's real Content-Security-Policy.
            await context.RouteAsync("**/assets/**", async route =>
            {
                await release.Task;
                await route.ContinueAsync();
            });
        });
        pages.Add(page);

        var root = page.Locator("#root");
        await Expect(Agenda(page).Locator("li").First).ToBeVisibleAsync();
        // The first demo person reads Dutch.
        await Expect(page.GetByText("Voorbeeld buiten Outlook", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(root).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(root).Not.ToHaveAttributeAsync("data-interactive", "true");

        release.SetResult();
        await Expect(root).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.GetByLabel("Nieuw gesprekspunt")).ToBeEditableAsync();
        // The page carried the token and the pane (PreviewPane.cs), and the entry took both from the early script.
        Assert.DoesNotContain("/dev/token", requested);
        Assert.DoesNotContain("/api/meetings/next/pane", requested);

        // A reload signs in as the person remembered, with the token kept for the tab: the same person, so the
        // page's pane is theirs.
        requested.Clear();
        await page.ReloadAsync();
        await Expect(root).ToHaveAttributeAsync("data-interactive", "true");
        Assert.DoesNotContain("/dev/token", requested);
        Assert.DoesNotContain("/api/meetings/next/pane", requested);

        // Someone else remembered: the page's pane is not theirs, so the early script asks for their own, once.
        await page.GetByLabel("Demopersoon").SelectOptionAsync(new SelectOptionValue { Label = "Priya Raman" });
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-on-1 with Sanne Visser");
        requested.Clear();
        await page.ReloadAsync();
        await Expect(root).ToHaveAttributeAsync("data-interactive", "true");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-on-1 with Sanne Visser");
        Assert.DoesNotContain("/dev/token", requested);
        Assert.Single(requested, path => path == "/api/meetings/next/pane");
    }

    [Fact]
    public async Task Open_notes_in_word_downloads_the_document_in_this_devices_time_zone_which_the_pane_also_reports()
    {
        const string zone = "Asia/Tokyo";
        var reported = new TaskCompletionSource<(string? Body, int Status)>();
        var page = await FakeOutlook.OpenAsync(fixture.Browser, PaneUrl, SanneOrganizes(), timeZone: zone, prepare: context =>
        {
            context.Response += (_, response) =>
            {
                if (response.Request.Method == "PUT" && response.Url.EndsWith("/api/me/time-zone", StringComparison.Ordinal))
                {
                    reported.TrySetResult((response.Request.PostData, response.Status));
                }
            };
            return Task.CompletedTask;
        });
        pages.Add(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Aantekeningen openen in Word" }).ClickAsync());
        using var document = WordprocessingDocument.Open(await download.PathAsync(), false);

        // Sanne reads Dutch; her device is in Tokyo, nine hours from the UTC the server keeps.
        var start = TimeZoneInfo.ConvertTimeFromUtc(PaneServer.NextDemoMeetingStart(), TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Contains($"van {start:HH:mm} tot", document.MainDocumentPart!.Document!.Body!.InnerText, StringComparison.Ordinal);
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);

        // The pane also told the server, so the mails to Sanne give Tokyo times too.
        var (body, status) = await reported.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(200, status);
        Assert.Contains(zone, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_from_the_other_person_is_shown_as_text_never_as_markup()
    {
        var page = await OpenAsync(SanneOrganizes());
        var markup = "<img src=x onerror=\"window.__owned=1\"><b>bold</b>";
        var field = page.GetByLabel("Nieuw gesprekspunt");
        await field.FillAsync(markup);
        await field.PressAsync("Enter");
        await Expect(Agenda(page).GetByText(markup)).ToBeVisibleAsync();

        var priya = await OpenAsync(PriyaOpensInvite());
        await Expect(Agenda(priya).GetByText(markup)).ToBeVisibleAsync();
        await Expect(Agenda(priya).Locator("img, b")).ToHaveCountAsync(0);
        Assert.Null(await priya.EvaluateAsync<int?>("window.__owned ?? null"));
    }

    [Fact]
    public async Task The_preview_changes_the_demo_calendar_and_the_pane_follows_it()
    {
        // The preview's first person is the demo manager, who reads Dutch.
        var page = await OpenAsync(appointment: null);
        var calendar = page.GetByTestId("demo-calendar");
        var notice = page.GetByTestId("calendar-notice");
        await Expect(Agenda(page)).ToBeVisibleAsync();
        await Expect(notice).ToHaveCountAsync(0);

        await calendar.GetByRole(AriaRole.Button, new() { Name = "Annuleren" }).ClickAsync();
        await Expect(notice).ToContainTextAsync("in Outlook geannuleerd");
        await ScreenshotAsync(page, "cancelled-in-outlook");
        await page.GetByTestId("demo-calendar").GetByRole(AriaRole.Button, new() { Name = "Ongedaan maken" }).ClickAsync();
        await Expect(page.GetByTestId("calendar-notice")).ToHaveCountAsync(0);

        await page.GetByTestId("demo-calendar").GetByRole(AriaRole.Button, new() { Name = "Collega uitnodigen" }).ClickAsync();
        await Expect(page.GetByTestId("calendar-notice")).ToContainTextAsync("Vervolgmails zijn gepauzeerd");
        await page.GetByTestId("demo-calendar").GetByRole(AriaRole.Button, new() { Name = "Ongedaan maken" }).ClickAsync();
        await Expect(page.GetByTestId("calendar-notice")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_organizer_whose_meeting_Outlook_cannot_save_is_told_to_save_it_first()
    {
        var page = await OpenAsync(SanneOrganizes() with { SaveFails = true });
        await Expect(page.GetByText("Save the meeting first")).ToBeVisibleAsync();
        await Expect(Agenda(page)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Older_Outlook_without_Mailbox_1_7_still_resolves_the_meeting_in_compose_mode()
    {
        var page = await OpenAsync(SanneOrganizes(mailboxVersion: "1.5"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-op-1 met Priya Raman");
    }

    [Fact]
    public async Task Accessibility_scan_finds_no_serious_or_critical_violations()
    {
        var page = await OpenAsync(PriyaOpensInvite(), bypassCsp: true);
        await Expect(page.GetByTestId("health")).ToBeVisibleAsync();
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxePath() });
        var json = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document)).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')) }))");
        var serious = json.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.ToString()).ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
    }

    private static string AxePath() => Path.Combine(AddInFolder.Path, "node_modules", "axe-core", "axe.min.js");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
