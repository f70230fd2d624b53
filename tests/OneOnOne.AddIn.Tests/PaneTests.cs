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

        // Daan, a third person (Sanne's other report), has his own 1-on-1 open: he must hear nothing of theirs.
        var daan = await OpenAsync(new FakeAppointment("read", Daan, Sanne, [Daan], PaneServer.NextDemoMeetingStart(dutchSeries: true), DisplayLanguage: "nl-NL"));
        await Expect(Agenda(daan)).ToBeVisibleAsync();
        await daan.WaitForTimeoutAsync(1000);
        var daanReads = new ConcurrentBag<string>();
        daan.Request += (_, request) => daanReads.Add(request.Url);

        var text = $"Live from Sanne {Guid.NewGuid():N}"[..28];
        var field = sanne.GetByLabel("Nieuw gesprekspunt");
        await field.FillAsync(text);
        await field.PressAsync("Enter");

        await Expect(Agenda(priya).GetByText(text)).ToBeVisibleAsync(new() { Timeout = 5000 });
        await daan.WaitForTimeoutAsync(1000);
        Assert.Empty(daanReads);
        await Expect(daan.GetByTestId("also-open")).ToHaveCountAsync(0);
        await Expect(priya.GetByLabel("New talking point")).ToHaveValueAsync("Half-typed by Priya");
        // Each sees who else has the meeting open, in their own language; a closed pane is gone from the other's.
        await Expect(priya.GetByTestId("also-open")).ToHaveTextAsync("Sanne Visser also has this meeting open.");
        await Expect(sanne.GetByTestId("also-open")).ToHaveTextAsync("Priya Raman heeft dit gesprek ook open.");
        await sanne.CloseAsync();
        await Expect(priya.GetByTestId("also-open")).ToHaveCountAsync(0, new() { Timeout = 10000 });
    }

    [Fact]
    public async Task The_shared_note_shows_the_other_persons_words_as_they_are_saved_and_keeps_what_both_typed_at_once()
    {
        var sanne = await OpenAsync(SanneOrganizes());
        var priya = await OpenAsync(PriyaOpensInvite());
        // Both panes follow the meeting once each sees the other.
        await Expect(sanne.GetByTestId("also-open")).ToBeVisibleAsync();
        await Expect(priya.GetByTestId("also-open")).ToBeVisibleAsync();
        var sanneNote = sanne.GetByTestId("notes-shared").Locator("textarea");
        var priyaNote = priya.GetByTestId("notes-shared").Locator("textarea");
        var mark = Guid.NewGuid().ToString("N")[..6];
        var start = await sanneNote.InputValueAsync();
        static string Then(string text, string line) => text.Length == 0 ? line : $"{text}\n{line}";

        var fromPriya = Then(start, $"From Priya {mark}");
        await priyaNote.FillAsync(fromPriya);
        await Expect(sanneNote).ToHaveValueAsync(fromPriya, new() { Timeout = 5000 });
        await Expect(sanne.GetByTestId("changed-by")).ToHaveTextAsync("Priya Raman heeft dit gesprek aangepast; je ziet de wijziging hier.");

        // Both type at once: Sanne's save is held until Priya's has landed, so it meets a newer version than she had.
        var release = new TaskCompletionSource();
        var hold = true;
        await sanne.Context.RouteAsync("**/notes/shared", async route =>
        {
            if (hold && route.Request.Method == "PUT")
            {
                hold = false;
                await release.Task;
            }

            await route.ContinueAsync();
        });
        var sanneSaving = sanne.WaitForRequestAsync(r => r.Method == "PUT" && r.Url.EndsWith("/notes/shared", StringComparison.Ordinal));
        await sanneNote.FillAsync(Then(fromPriya, $"From Sanne {mark}"));
        await sanneSaving;
        var priyaSaved = priya.WaitForResponseAsync(r => r.Request.Method == "PUT" && r.Url.EndsWith("/notes/shared", StringComparison.Ordinal));
        await priyaNote.FillAsync($"Priya on top {mark}\n{fromPriya}");
        Assert.True((await priyaSaved).Ok);
        release.SetResult();

        // Different paragraphs: merged, nothing lost, no one asked to choose; both see the same text.
        var merged = $"Priya on top {mark}\n{fromPriya}\nFrom Sanne {mark}";
        await Expect(sanneNote).ToHaveValueAsync(merged, new() { Timeout = 10000 });
        await Expect(priyaNote).ToHaveValueAsync(merged, new() { Timeout = 10000 });
        await Expect(sanne.GetByTestId("notes-shared").Locator("[data-status]")).ToHaveAttributeAsync("data-status", "saved");
        Assert.Equal(0, await sanne.GetByTestId("notes-shared").GetByRole(AriaRole.Button).CountAsync());
    }

    [Fact]
    public async Task Where_WebSockets_are_blocked_the_pane_follows_over_another_transport()
    {
        // As behind a proxy that refuses the upgrade: every WebSocket fails before it opens.
        const string refused = """
            window.WebSocket = class extends EventTarget {
              static CONNECTING = 0; static OPEN = 1; static CLOSING = 2; static CLOSED = 3;
              constructor(url) { super(); this.url = url; this.readyState = 0; this.protocol = ""; this.extensions = ""; this.binaryType = "blob";
                setTimeout(() => { this.readyState = 3; const error = new Event("error"); this.onerror?.(error); this.dispatchEvent(error);
                  const close = new CloseEvent("close", { code: 1006, wasClean: false }); this.onclose?.(close); this.dispatchEvent(close); }, 10); }
              send() { throw new Error("not open"); }
              close() {}
            };
            """;
        var hub = new ConcurrentBag<string>();
        var priya = await FakeOutlook.OpenAsync(fixture.Browser, PaneUrl, PriyaOpensInvite(), prepare: async context =>
        {
            await context.AddInitScriptAsync(refused);
            context.Request += (_, request) =>
            {
                if (request.Url.Contains("/hubs/meetings?", StringComparison.Ordinal))
                {
                    hub.Add(request.Method);
                }
            };
        });
        pages.Add(priya);
        var sanne = await OpenAsync(SanneOrganizes());
        await Expect(priya.GetByTestId("also-open")).ToBeVisibleAsync();

        var text = $"Over another transport {Guid.NewGuid():N}"[..30];
        var field = sanne.GetByLabel("Nieuw gesprekspunt");
        await field.FillAsync(text);
        await field.PressAsync("Enter");
        await Expect(Agenda(priya).GetByText(text)).ToBeVisibleAsync(new() { Timeout = 5000 });
        // Server-sent events or long polling: requests on the connection itself, not only its negotiation.
        Assert.Contains("GET", hub);
    }

    [Fact]
    public async Task After_a_lost_connection_the_pane_reads_once_what_it_missed_and_follows_again()
    {
        var refuse = false;
        IWebSocketRoute? live = null;
        var priya = await FakeOutlook.OpenAsync(fixture.Browser, PaneUrl, PriyaOpensInvite(), prepare: async context =>
        {
            await context.RouteWebSocketAsync("**/hubs/meetings**", ws =>
            {
                live = ws;
                ws.ConnectToServer();
            });
            // While the network is away no transport gets through: every connection starts with a negotiation.
            await context.RouteAsync("**/hubs/meetings/negotiate**", route => refuse ? route.AbortAsync() : route.ContinueAsync());
        });
        pages.Add(priya);
        var sanne = await OpenAsync(SanneOrganizes());
        await Expect(priya.GetByTestId("also-open")).ToBeVisibleAsync();

        // The connection drops and cannot come back for a while; meanwhile Sanne adds a point.
        refuse = true;
        await live!.CloseAsync(new() { Code = 1011 });
        var missed = $"Missed while away {Guid.NewGuid():N}"[..26];
        var field = sanne.GetByLabel("Nieuw gesprekspunt");
        await field.FillAsync(missed);
        await field.PressAsync("Enter");
        await Expect(Agenda(sanne).GetByText(missed)).ToBeVisibleAsync();
        await priya.WaitForTimeoutAsync(1000);
        await Expect(Agenda(priya).GetByText(missed)).ToHaveCountAsync(0);

        // Back: the pane reads what it missed, then hears changes again.
        refuse = false;
        await Expect(Agenda(priya).GetByText(missed)).ToBeVisibleAsync(new() { Timeout = 20000 });
        var after = $"Heard after it {Guid.NewGuid():N}"[..24];
        await field.FillAsync(after);
        await field.PressAsync("Enter");
        await Expect(Agenda(priya).GetByText(after)).ToBeVisibleAsync(new() { Timeout = 5000 });
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
    public async Task A_downloaded_document_is_uploaded_back_from_the_pane_and_the_server_says_what_it_changed()
    {
        var page = await OpenAsync(PriyaOpensInvite());
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Open notes in Word" }).ClickAsync());
        var path = await download.PathAsync();

        var uploaded = await page.RunAndWaitForResponseAsync(
            () => page.GetByLabel("Edited the downloaded document? Upload it to bring its actions and notes into OneOnOne").SetInputFilesAsync(path),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/notes.docx", StringComparison.Ordinal));

        Assert.Equal(200, uploaded.Status);
        Assert.StartsWith("multipart/form-data", await uploaded.Request.HeaderValueAsync("content-type") ?? "", StringComparison.Ordinal);
        // The document as it was made: the server read it and found nothing new, and the pane says so.
        await Expect(page.GetByTestId("word-imported")).ToHaveTextAsync("Nothing changed: everything in it was already here.");
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
    public async Task Everything_is_done_by_keyboard_in_reading_order_with_the_focus_in_sight()
    {
        var page = await OpenAsync(PriyaOpensInvite());
        await Expect(page.GetByTestId("health")).ToBeVisibleAsync();

        // Tab through the whole pane once: every stop is visibly focused (the browser's focus ring, or Fluent's, which
        // it draws where it marks data-fui-focus-visible: a date field's focus is inside it), and the stops go down the
        // pane as it reads.
        var stops = new List<(string Name, double Top, double Left)>();
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<JsonElement>(
                "() => { const e = document.activeElement; if (!e || e === document.body) return null; const r = e.getBoundingClientRect(); " +
                "return { name: e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent || e.tagName, top: r.top + scrollY, left: r.left, visible: e.matches(':focus-visible') || e.hasAttribute('data-fui-focus-visible') }; }");
            if (stop.ValueKind == JsonValueKind.Null)
            {
                break;
            }

            Assert.True(stop.GetProperty("visible").GetBoolean(), $"No visible focus on {stop}");
            var (name, top, left) = (stop.GetProperty("name").GetString()!, stop.GetProperty("top").GetDouble(), stop.GetProperty("left").GetDouble());
            if (stops.Count > 0 && stops[0].Name == name && Math.Abs(stops[0].Top - top) < 1)
            {
                break;
            }

            if (stops.Count > 0)
            {
                var before = stops[^1];
                Assert.True(top >= before.Top - 4 || (Math.Abs(top - before.Top) < 24 && left > before.Left), $"{name} at {top:0} comes after {before.Name} at {before.Top:0}");
            }

            stops.Add((name, top, left));
        }

        Assert.Contains(stops, s => s.Name.Contains("Shared notes", StringComparison.Ordinal));

        // Add a talking point, tick an action (and untick it: the demo data stays as other tests expect it), write a note.
        var text = $"By keyboard {Guid.NewGuid():N}"[..21];
        await TabToAsync(page, page.GetByLabel("New talking point"));
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
        await Expect(Agenda(page).GetByText(text)).ToBeVisibleAsync();

        var tick = page.GetByTestId("previous-actions").GetByRole(AriaRole.Checkbox, new() { Name = "Done: Rewrite the second half of the talk proposal" });
        await TabToAsync(page, tick);
        var wasDone = await tick.IsCheckedAsync();
        foreach (var done in new[] { !wasDone, wasDone })
        {
            var saved = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Space"), r => r.Url.Contains("/actions/", StringComparison.Ordinal));
            Assert.True(saved.Ok);
            await Expect(tick).ToBeCheckedAsync(new() { Checked = done });
        }

        var note = page.GetByLabel("Private notes (only you)");
        await TabToAsync(page, note);
        await page.Keyboard.TypeAsync($"Typed without a mouse {text}");
        await Expect(page.GetByTestId("notes-private").Locator("[data-status]")).ToHaveAttributeAsync("data-status", "saved", new() { Timeout = 10000 });
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Private notes (only you)")).ToHaveValueAsync($"Typed without a mouse {text}");
    }

    [Fact]
    public async Task An_action_is_edited_where_it_is_shown_and_the_other_person_sees_the_change()
    {
        var sanne = await OpenAsync(SanneOrganizes());
        var priya = await OpenAsync(PriyaOpensInvite());
        await Expect(priya.GetByTestId("also-open")).ToBeVisibleAsync();
        var mark = Guid.NewGuid().ToString("N")[..6];
        var text = $"Draft the training plan {mark}";
        await priya.GetByLabel("What needs to happen").FillAsync(text);
        await priya.GetByRole(AriaRole.Button, new() { Name = "Add action item" }).ClickAsync();
        var row = priya.GetByTestId("new-actions").Locator("li", new() { HasText = text });
        await Expect(row).ToContainTextAsync("Priya Raman");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Edit {text}" }).ClickAsync();
        var editor = row.GetByTestId("action-editor");
        var edited = $"Book the training {mark}";
        await editor.GetByLabel("What needs to happen").FillAsync(edited);
        await editor.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "Sanne Visser" });
        await editor.GetByLabel("Due date (optional)").FillAsync("2031-03-14");
        var saved = await priya.RunAndWaitForResponseAsync(
            () => editor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync(), r => r.Request.Method == "PATCH");
        Assert.True(saved.Ok);

        await Expect(editor).ToHaveCountAsync(0);
        var editedRow = priya.GetByTestId("new-actions").Locator("li", new() { HasText = edited });
        await Expect(editedRow).ToContainTextAsync("Sanne Visser");
        await Expect(editedRow).ToContainTextAsync("2031");
        await editedRow.GetByRole(AriaRole.Button, new() { Name = $"History of {edited}" }).ClickAsync();
        var history = editedRow.GetByTestId("action-history");
        await Expect(history).ToContainTextAsync("Priya Raman changed");
        await Expect(history).ToContainTextAsync($"the text ({text} → {edited})");
        await Expect(history).ToContainTextAsync("the owner");
        // Sanne's open pane (in Dutch) follows without a reload.
        await Expect(sanne.GetByTestId("new-actions").Locator("li", new() { HasText = edited })).ToContainTextAsync("Sanne Visser", new() { Timeout = 5000 });

        // Emptying the text is not offered; cancelling keeps the action as it is.
        await editedRow.GetByRole(AriaRole.Button, new() { Name = $"Edit {edited}" }).ClickAsync();
        await editedRow.GetByTestId("action-editor").GetByLabel("What needs to happen").FillAsync(" ");
        await Expect(editedRow.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeDisabledAsync();
        await editedRow.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await priya.ReloadAsync();
        await Expect(priya.GetByTestId("new-actions").Locator("li", new() { HasText = edited })).ToContainTextAsync("Sanne Visser");
    }

    [Fact]
    public async Task Each_person_reads_the_notes_of_last_time_and_only_their_own_private_note()
    {
        var sanne = await OpenAsync(SanneOrganizes());
        var priya = await OpenAsync(PriyaOpensInvite());
        var sanneNotes = sanne.GetByTestId("previous-notes");
        var priyaNotes = priya.GetByTestId("previous-notes");
        await Expect(sanneNotes.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Notities van de vorige keer");
        await Expect(priyaNotes.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Notes of last time");

        await sanneNotes.GetByRole(AriaRole.Button, new() { Name = "Toon wat er is opgeschreven" }).ClickAsync();
        await priyaNotes.GetByRole(AriaRole.Button, new() { Name = "Show what was written down" }).ClickAsync();

        // Sanne wrote a private note last time; Priya sees the same shared note and nothing of Sanne's own.
        await Expect(sanneNotes.GetByRole(AriaRole.Heading, new() { Name = "Je privénotities" })).ToBeVisibleAsync();
        await Expect(priyaNotes.GetByRole(AriaRole.Heading, new() { Name = "Shared notes" })).ToBeVisibleAsync();
        await Expect(priyaNotes.GetByRole(AriaRole.Heading, new() { Name = "Your private notes" })).ToHaveCountAsync(0);
        var shared = await priyaNotes.Locator("p").First.InnerTextAsync();
        Assert.False(string.IsNullOrWhiteSpace(shared));
        await Expect(sanneNotes.Locator("p").First).ToHaveTextAsync(shared);
        Assert.Equal(1, await priyaNotes.Locator("p").CountAsync());
        Assert.Equal(2, await sanneNotes.Locator("p").CountAsync());
    }

    [Fact]
    public async Task A_person_sets_language_and_mails_reads_an_actions_history_swaps_roles_downloads_and_erases_their_data()
    {
        // Lotte (Dutch) opens her check-in with Tom; no other browser test uses her, so she may be erased at the end.
        var page = await OpenAsync(new FakeAppointment("read", Lotte, Tom, [Lotte], DateTime.UtcNow.Date.AddDays(1).AddHours(9)));
        var settings = page.GetByTestId("my-settings");
        await Expect(settings).ToBeVisibleAsync();
        var recaps = settings.GetByLabel("Een terugblik na elke 1-op-1");
        await Expect(recaps).ToBeCheckedAsync();
        var saved = await page.RunAndWaitForResponseAsync(() => recaps.UncheckAsync(), r => r.Url.EndsWith("/mail-preferences", StringComparison.Ordinal) && r.Request.Method == "PUT");
        Assert.True(saved.Ok);

        // English from now on, whatever Office says.
        await settings.GetByLabel("Taal van OneOnOne").SelectOptionAsync("en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-on-1 with Tom Hughes");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("my-settings").GetByLabel("A recap after each 1-on-1")).Not.ToBeCheckedAsync();

        // An action's history, where the action is shown.
        var text = $"Read the onboarding guide {Guid.NewGuid():N}"[..34];
        await page.GetByLabel("What needs to happen").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action item" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"History of {text}" }).ClickAsync();
        await Expect(page.GetByTestId("action-history")).ToContainTextAsync("Lotte de Vries added it");

        // Roles the wrong way round are swapped back in the meeting's details.
        var series = page.GetByTestId("this-series");
        await Expect(series).ToContainTextAsync("Tom Hughes is the manager, Lotte de Vries the report.");
        await series.GetByRole(AriaRole.Button, new() { Name = "Swap roles" }).ClickAsync();
        await Expect(series).ToContainTextAsync("Lotte de Vries is the manager, Tom Hughes the report.");
        await series.GetByRole(AriaRole.Button, new() { Name = "Swap roles" }).ClickAsync();
        await Expect(series).ToContainTextAsync("Tom Hughes is the manager, Lotte de Vries the report.");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download my data" }).ClickAsync());
        var exported = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("Lotte de Vries", exported, StringComparison.Ordinal);
        Assert.Contains(text, exported, StringComparison.Ordinal);

        // Erasing asks first; cancelling changes nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my data…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("This cannot be undone.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase my data…" }).ClickAsync();
        var erased = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Erase my data" }).ClickAsync(),
            r => r.Url.EndsWith("/api/me", StringComparison.Ordinal) && r.Request.Method == "DELETE");
        Assert.Equal(204, erased.Status);
        await Expect(page.GetByTestId("erased")).ToContainTextAsync("Your data is erased.");
    }

    [Fact]
    public async Task Motion_is_off_for_people_who_asked_their_system_for_less()
    {
        var page = await OpenAsync(PriyaOpensInvite());
        var refresh = page.GetByRole(AriaRole.Button, new() { Name = "Refresh" });
        await Expect(refresh).ToBeVisibleAsync();
        const string longest = "e => Math.max(...getComputedStyle(e).transitionDuration.split(',').map(d => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)))";
        Assert.True(await refresh.EvaluateAsync<double>(longest) >= 50, "Fluent's buttons move when nobody asked otherwise.");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = ReducedMotion.Reduce });
        Assert.True(await refresh.EvaluateAsync<double>(longest) < 1);
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus (from wherever the focus is now).</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {target}");
    }

    [Theory]
    [MemberData(nameof(OfficeThemes.LanguagesAndThemes), MemberType = typeof(OfficeThemes))]
    public async Task Accessibility_scan_finds_no_violations(string language, OfficeTheme theme)
    {
        // Priya reads in English, Sanne in Dutch: the whole pane, below the first screen included.
        var appointment = language == "en" ? PriyaOpensInvite() : SanneOrganizes();
        var page = await FakeOutlook.OpenAsync(fixture.Browser, PaneUrl, appointment, bypassCsp: true, theme: theme);
        pages.Add(page);
        await Expect(page.GetByTestId("health")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Accessibility.AssertNoViolationsAsync(page);
        await ScreenshotAsync(page, $"a11y-{language}-{theme}");
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
