using System.Text.Json;
using Microsoft.Playwright;

namespace OneOnOne.AddIn.Tests;

public sealed record FakePerson(string EmailAddress, string DisplayName);

/// <summary>What the fake Office host presents (see FakeOffice/office.js).</summary>
public sealed record FakeAppointment(
    string Mode,
    FakePerson User,
    FakePerson Organizer,
    FakePerson[] RequiredAttendees,
    DateTime Start,
    string DisplayLanguage = "en-US",
    string MailboxVersion = "1.13",
    string Subject = "1-on-1",
    bool SaveFails = false);

public static class FakeOutlook
{
    public const string OfficeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

    public static readonly FakePerson Sanne = new("sanne.visser@demo.oneonone.test", "Sanne Visser");
    public static readonly FakePerson Priya = new("priya.raman@demo.oneonone.test", "Priya Raman");
    public static readonly FakePerson Daan = new("daan.deboer@demo.oneonone.test", "Daan de Boer");
    public static readonly FakePerson Joris = new("joris.smit@demo.oneonone.test", "Joris Smit");
    public static readonly FakePerson Tom = new("tom.hughes@demo.oneonone.test", "Tom Hughes");
    public static readonly FakePerson Lotte = new("lotte.devries@demo.oneonone.test", "Lotte de Vries");

    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "FakeOffice", "office.js"));

    /// <summary>
    /// A page whose office.js is the fake host presenting <paramref name="appointment"/>, or office.js as in a plain
    /// browser (host null) when it is null. Microsoft's CDN is never reached. <paramref name="prepare"/> runs on the
    /// new context before the page is opened (routes, listeners that may hold the page's load back, so then only its
    /// navigation is waited for).
    /// </summary>
    public static async Task<IPage> OpenAsync(
        IBrowser browser, string url, FakeAppointment? appointment, string browserLocale = "en-US", bool bypassCsp = false, Func<IBrowserContext, Task>? prepare = null,
        string? timeZone = null, OfficeTheme theme = OfficeTheme.Light)
    {
        var context = await browser.NewContextAsync(theme.Emulate(new BrowserNewContextOptions
        {
            Locale = browserLocale,
            TimezoneId = timeZone,
            // Only for injecting test tools (axe-core) into the page; the pane itself runs under its real policy.
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = 400, Height = 900 },
        }));
        if (appointment is not null)
        {
            await context.AddInitScriptAsync($"window.__fakeOffice = {Describe(appointment, theme)};");
        }

        await context.RouteAsync(OfficeJsUrl, route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Body = Script }));
        if (prepare is not null)
        {
            await prepare(context);
        }

        var page = await context.NewPageAsync();
        // Opened by Outlook, the pane's address carries the manifest's marker (see manifest.xml and early.ts).
        await page.GotoAsync(
            appointment is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}host=outlook",
            new PageGotoOptions { WaitUntil = prepare is null ? WaitUntilState.Load : WaitUntilState.Commit });
        return page;
    }

    private static string Describe(FakeAppointment a, OfficeTheme theme) => JsonSerializer.Serialize(new
    {
        mode = a.Mode,
        theme = theme.Colors(),
        displayLanguage = a.DisplayLanguage,
        mailboxVersion = a.MailboxVersion,
        saveFails = a.SaveFails,
        user = Person(a.User),
        item = new
        {
            start = a.Start.ToString("O"),
            end = a.Start.AddMinutes(30).ToString("O"),
            subject = a.Subject,
            organizer = Person(a.Organizer),
            requiredAttendees = a.RequiredAttendees.Select(Person).ToArray(),
            optionalAttendees = Array.Empty<object>(),
            itemId = EventIdOf(a),
        },
    });

    /// <summary>
    /// The event's id in the demo calendar: Lotte's check-in with Tom, the demo 1-on-1's occurrence at the appointment's
    /// start, or the team meeting for an appointment with more people. (The fake's convertToRestId keeps demo ids as they are.)
    /// </summary>
    private static string EventIdOf(FakeAppointment a) => a.RequiredAttendees.Length == 1 && a.RequiredAttendees[0] == Lotte
        ? OneOnOne.Api.Data.DemoData.OnboardingCheckInEventId
        : a.RequiredAttendees.Length == 1
        ? OneOnOne.Api.Calendar.DemoWorkplace.OccurrenceId(
            OneOnOne.Api.Data.DemoData.EventIdOf(a.RequiredAttendees[0] == Daan ? OneOnOne.Api.Data.DemoData.DutchSeriesId : OneOnOne.Api.Data.DemoData.EnglishSeriesId),
            DateTime.SpecifyKind(a.Start, DateTimeKind.Utc))
        : OneOnOne.Api.Data.DemoData.TeamMeetingEventId;

    private static object Person(FakePerson p) => new { emailAddress = p.EmailAddress, displayName = p.DisplayName };
}
