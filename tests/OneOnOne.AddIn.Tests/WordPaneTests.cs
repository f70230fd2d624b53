using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OneOnOne.AddIn.Tests;

/// <summary>
/// The Word pane in Chromium against the real backend with demo data. office.js is a fake Word host presenting the very
/// document the backend generates for the meeting (its custom XML part, tagged rows and shared notes), edited as a
/// person would edit it in Word.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WordPaneTests(BrowserFixture fixture) : IAsyncLifetime
{
    private const string ActionsNew = "oneonone:actions:new";
    private const string ActionsEarlier = "oneonone:actions:earlier";
    private const string NotesShared = "oneonone:notes:shared";

    private readonly List<IPage> pages = [];

    private string PaneUrl => $"{fixture.Server.BaseUrl}/word.html";

    private async Task<IPage> OpenAsync(FakeDocument? document, string displayLanguage = "en-US", string? demoPerson = null, bool bypassCsp = false)
    {
        var page = await FakeWord.OpenAsync(fixture.Browser, PaneUrl, document, displayLanguage, demoPerson, bypassCsp);
        pages.Add(page);
        return page;
    }

    private static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, $"word-{name}.png"), FullPage = true });

    private Task<HttpClient> ApiAsAsync(string email) => fixture.Server.ApiAsAsync(email);

    private static async Task<(string MeetingId, FakeDocument Document)> NextMeetingDocumentAsync(HttpClient api, string otherPersonName)
    {
        var ct = TestContext.Current.CancellationToken;
        var upcoming = await api.GetFromJsonAsync<JsonElement>("/api/meetings/upcoming", ct);
        var meetingId = upcoming.EnumerateArray().First(m => m.GetProperty("otherPersonName").GetString() == otherPersonName).GetProperty("meetingId").GetString()!;
        var docx = await api.GetByteArrayAsync($"/api/meetings/{meetingId}/notes.docx", ct);
        return (meetingId, FakeDocument.FromDocx(docx));
    }

    private static Task<JsonElement> PaneAsync(HttpClient api, string meetingId) =>
        api.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}/pane", TestContext.Current.CancellationToken);

    [Fact]
    public async Task Send_to_1_on_1_brings_the_documents_action_items_back_and_pressing_it_again_changes_nothing()
    {
        // Daan's series (Dutch), so the Outlook pane's tests on Priya's series see their demo data untouched.
        using var api = await ApiAsAsync(FakeOutlook.Daan.EmailAddress);
        var (meetingId, document) = await NextMeetingDocumentAsync(api, FakeOutlook.Sanne.DisplayName);
        var before = await PaneAsync(api, meetingId);
        var training = before.GetProperty("openActions").EnumerateArray().Single(a => a.GetProperty("text").GetString() == "Training klantgesprekken uitzoeken");
        var trainingId = training.GetProperty("id").GetString()!;

        // Daan ticks an earlier action off, writes a new one in the blank row and a line in the shared notes.
        var earlier = document.Control(ActionsEarlier).Rows!;
        var trainingRow = earlier.FindIndex(r => r.Tag == $"oneonone:action:{trainingId}");
        earlier[trainingRow] = earlier[trainingRow] with { Cells = [.. earlier[trainingRow].Cells[..3], "Afgerond"] };
        var newText = $"Klantgesprek voorbereiden {Guid.NewGuid():N}"[..34];
        var fresh = document.Control(ActionsNew).Rows!;
        fresh[^1] = fresh[^1] with { Cells = [newText, "Daan de Boer", "2030-05-01", ""] };
        document.Control(NotesShared).Paragraphs!.Add("Daan bereidt het eerste klantgesprek voor.");

        var page = await OpenAsync(document, "nl-NL", FakeOutlook.Daan.EmailAddress);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-op-1 met Sanne Visser");
        await Expect(page.GetByTestId("open-actions").GetByText("Training klantgesprekken uitzoeken")).ToBeVisibleAsync();

        var send = page.GetByRole(AriaRole.Button, new() { Name = "Naar 1-op-1 sturen" });
        await send.ClickAsync();
        var result = page.GetByTestId("send-result");
        await Expect(result.GetByTestId("send-summary")).ToHaveTextAsync("1 nieuwe actiepunt(en), 1 gewijzigd, gedeelde notities bijgewerkt.");
        await Expect(result.GetByText($"Nieuw: {newText}")).ToBeVisibleAsync();
        await Expect(result.GetByText("Gewijzigd: Training klantgesprekken uitzoeken (voortgang)")).ToBeVisibleAsync();
        // The pane shows the meeting as it is now.
        await Expect(page.GetByTestId("new-actions").GetByText(newText)).ToBeVisibleAsync();
        await ScreenshotAsync(page, "sent");

        var after = await PaneAsync(api, meetingId);
        Assert.Equal("Done", after.GetProperty("openActions").EnumerateArray().Single(a => a.GetProperty("id").GetString() == trainingId).GetProperty("status").GetString());
        var created = Assert.Single(after.GetProperty("newActions").EnumerateArray(), a => a.GetProperty("text").GetString() == newText);
        Assert.Equal("2030-05-01", created.GetProperty("dueDate").GetString());
        Assert.Contains("Daan bereidt het eerste klantgesprek voor.", after.GetProperty("notes").GetProperty("shared").GetProperty("text").GetString(), StringComparison.Ordinal);

        await send.ClickAsync();
        await Expect(result.GetByTestId("send-summary")).ToHaveTextAsync("Niets gewijzigd: alles erin stond er al.");
        var again = await PaneAsync(api, meetingId);
        Assert.Equal(after.GetProperty("newActions").GetArrayLength(), again.GetProperty("newActions").GetArrayLength());
        Assert.Equal(after.GetProperty("notes").GetProperty("shared").GetProperty("version").GetString(), again.GetProperty("notes").GetProperty("shared").GetProperty("version").GetString());

        // The new row now carries its action's id, so rewording it changes that action instead of adding a second one.
        var createdId = created.GetProperty("id").GetString()!;
        var rowTag = await page.EvaluateAsync<string>(
            "tag => { const rows = window.__fakeWord.document.controls.find(c => c.tag === tag).rows; return rows[rows.length - 1].tag; }", ActionsNew);
        Assert.Equal($"oneonone:action:{createdId}", rowTag);
        var reworded = $"{newText} met Sanne";
        await page.EvaluateAsync(
            "([tag, text]) => { const rows = window.__fakeWord.document.controls.find(c => c.tag === tag).rows; rows[rows.length - 1].cells[0] = text; }",
            new[] { ActionsNew, reworded });
        await send.ClickAsync();
        await Expect(result.GetByText($"Gewijzigd: {reworded} (tekst)")).ToBeVisibleAsync();
        var rewordedAfter = await PaneAsync(api, meetingId);
        var single = Assert.Single(rewordedAfter.GetProperty("newActions").EnumerateArray(), a => a.GetProperty("text").GetString()!.StartsWith(newText, StringComparison.Ordinal));
        Assert.Equal(createdId, single.GetProperty("id").GetString());
        Assert.Equal(reworded, single.GetProperty("text").GetString());
        Assert.Equal(after.GetProperty("newActions").GetArrayLength(), rewordedAfter.GetProperty("newActions").GetArrayLength());
    }

    [Fact]
    public async Task The_pane_shows_the_meeting_the_other_person_the_agenda_and_the_open_actions_and_inserts_a_prompt_at_the_cursor()
    {
        using var api = await ApiAsAsync(FakeOutlook.Priya.EmailAddress);
        var (meetingId, document) = await NextMeetingDocumentAsync(api, FakeOutlook.Sanne.DisplayName);
        var pane = await PaneAsync(api, meetingId);

        var page = await OpenAsync(document, "en-US", FakeOutlook.Priya.EmailAddress);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-on-1 with Sanne Visser");
        await Expect(page.GetByText("You are the report", new() { Exact = false })).ToBeVisibleAsync();
        var firstAgendaItem = pane.GetProperty("agenda")[0].GetProperty("text").GetString()!;
        await Expect(page.GetByTestId("agenda").GetByText(firstAgendaItem)).ToBeVisibleAsync();
        foreach (var action in pane.GetProperty("openActions").EnumerateArray())
        {
            await Expect(page.GetByTestId("open-actions").GetByText(action.GetProperty("text").GetString()!)).ToBeVisibleAsync();
        }

        var prompt = page.GetByTestId("prompts").Locator("li").First;
        var promptText = (await prompt.Locator("span").First.InnerTextAsync()).Trim();
        await prompt.GetByRole(AriaRole.Button, new() { Name = $"Insert at the cursor: {promptText}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Inserted at the cursor: {promptText}");
        var inserted = await page.EvaluateAsync<JsonElement>("window.__fakeWordInserted");
        Assert.Equal(promptText, Assert.Single(inserted.EnumerateArray()).GetProperty("text").GetString());
        await ScreenshotAsync(page, "meeting");
    }

    [Fact]
    public async Task The_pane_follows_what_the_other_person_changes_in_Outlook_and_shows_they_have_the_meeting_open()
    {
        using var api = await ApiAsAsync(FakeOutlook.Priya.EmailAddress);
        var (_, document) = await NextMeetingDocumentAsync(api, FakeOutlook.Sanne.DisplayName);
        var word = await OpenAsync(document, "en-US", FakeOutlook.Priya.EmailAddress);
        await Expect(word.GetByTestId("prompts")).ToBeVisibleAsync();

        var outlook = await FakeOutlook.OpenAsync(
            fixture.Browser, $"{fixture.Server.BaseUrl}/taskpane.html",
            new FakeAppointment("compose", FakeOutlook.Sanne, FakeOutlook.Sanne, [FakeOutlook.Priya], PaneServer.NextDemoMeetingStart()));
        pages.Add(outlook);
        await Expect(word.GetByTestId("also-open")).ToHaveTextAsync("Sanne Visser also has this meeting open.");

        var text = $"Seen in Word {Guid.NewGuid():N}"[..22];
        var field = outlook.GetByLabel("Nieuw gesprekspunt");
        await field.FillAsync(text);
        await field.PressAsync("Enter");
        await Expect(word.GetByTestId("agenda").GetByText(text)).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(word.GetByTestId("changed-by")).ToHaveTextAsync("Sanne Visser changed this meeting; the pane shows the change.");
        await outlook.Context.CloseAsync();
        await Expect(word.GetByTestId("also-open")).ToHaveCountAsync(0, new() { Timeout = 10000 });
    }

    [Fact]
    public async Task A_document_that_is_not_a_OneOnOne_document_says_so_and_offers_Outlook()
    {
        var page = await OpenAsync(FakeDocument.Empty(), "en-US", FakeOutlook.Priya.EmailAddress);
        await Expect(page.GetByText("This isn't a OneOnOne document")).ToBeVisibleAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Open Outlook's calendar in a new window" });
        await Expect(link).ToHaveAttributeAsync("href", "https://outlook.office.com/calendar/");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send to 1-on-1" })).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "not-ours");
    }

    [Fact]
    public async Task Dutch_Word_shows_the_messages_in_Dutch()
    {
        var page = await OpenAsync(FakeDocument.Empty(), "nl-NL");
        await Expect(page.GetByText("Dit is geen OneOnOne-document")).ToBeVisibleAsync();
        await Expect(page.GetByText("Open de 1-op-1 vanuit Outlook")).ToBeVisibleAsync();
        Assert.Equal("nl", await page.EvaluateAsync<string>("document.documentElement.lang"));
    }

    [Fact]
    public async Task Without_a_remembered_demo_person_the_pane_asks_who_one_is_and_then_shows_the_meeting()
    {
        using var api = await ApiAsAsync(FakeOutlook.Priya.EmailAddress);
        var (_, document) = await NextMeetingDocumentAsync(api, FakeOutlook.Sanne.DisplayName);
        var page = await OpenAsync(document, "en-US");
        await page.GetByLabel("Demo person").SelectOptionAsync(FakeOutlook.Priya.EmailAddress);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("1-on-1 with Sanne Visser");
    }

    [Fact]
    public async Task Outside_Word_the_pane_says_where_it_works()
    {
        var page = await OpenAsync(null);
        await Expect(page.GetByText("Open this pane in Word")).ToBeVisibleAsync();
    }

    [Theory]
    [MemberData(nameof(OfficeThemes.LanguagesAndThemes), MemberType = typeof(OfficeThemes))]
    public async Task Accessibility_scan_finds_no_violations(string language, OfficeTheme theme)
    {
        // Priya reads in English, Sanne in Dutch; both open the document of their 1-on-1 with each other.
        var (me, other) = language == "en" ? (FakeOutlook.Priya, FakeOutlook.Sanne) : (FakeOutlook.Sanne, FakeOutlook.Priya);
        using var api = await ApiAsAsync(me.EmailAddress);
        var (_, document) = await NextMeetingDocumentAsync(api, other.DisplayName);
        var page = await FakeWord.OpenAsync(fixture.Browser, PaneUrl, document, "en-US", me.EmailAddress, bypassCsp: true, theme: theme);
        pages.Add(page);
        await Expect(page.GetByTestId("prompts")).ToBeVisibleAsync();
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
