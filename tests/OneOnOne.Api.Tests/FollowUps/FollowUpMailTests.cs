using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Documents;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Notes;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Documents;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.FollowUps;

[Collection(HangfireCollection.Name)]
public sealed class FollowUpMailTests : IAsyncLifetime
{
    // Three days before the pair's first meeting (OneOnOnePair.FirstStart), so that one is neither ended nor soon.
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FollowUpHost host = new(new FakeTimeProvider(Now), new Dictionary<string, string?> { ["Mail:Transport"] = "Pickup" });

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(host.DataFolder, recursive: true);
    }

    private async Task<(OneOnOnePair Pair, Guid MeetingId)> MeetingThatEndedAsync(string managerLanguage, string reportLanguage)
    {
        var pair = await OneOnOnePair.CreateAsync(host);
        await pair.ManagerClient.PutAsync<MeResponse>("/api/me/language", new { language = managerLanguage });
        await pair.ReportClient.PutAsync<MeResponse>("/api/me/language", new { language = reportLanguage });
        var ended = await pair.ResolveAsync(Now.AddHours(-1));
        return (pair, ended.MeetingId);
    }

    private List<MimeMessage> PickedUp() =>
        Directory.Exists(host.PickupFolder)
            ? Directory.GetFiles(host.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToList()
            : [];

    [Fact]
    public async Task The_recap_and_the_reminder_go_to_both_in_their_own_language_without_private_notes()
    {
        var (pair, meetingId) = await MeetingThatEndedAsync(managerLanguage: "nl", reportLanguage: "en");
        var next = await pair.ResolveAsync(Now.AddHours(20));
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{meetingId}/pane");
        var reportId = pane.Participants.Single(p => p.Role == ParticipantRole.Report).Id;
        await pair.ManagerClient.PutAsync<GoalResponse>($"/api/meetings/{meetingId}/goal", new { goal = "Agree on the training plan", version = pane.Meeting.Version });
        var discussed = await pair.ReportClient.PostAsync<AgendaItemResponse>($"/api/meetings/{meetingId}/agenda", new { text = "<b>Training</b> & budget" }, HttpStatusCode.Created);
        await pair.ReportClient.PutAsync<AgendaItemResponse>($"/api/meetings/{meetingId}/agenda/{discussed.Id}/discussed", new { discussed = true, version = discussed.Version });
        await pair.ManagerClient.PostAsync<AgendaItemResponse>($"/api/meetings/{next.MeetingId}/agenda", new { text = "Team day planning" }, HttpStatusCode.Created);
        await pair.ManagerClient.PostAsync<ActionItemResponse>($"/api/series/{pair.Meeting.SeriesId}/actions",
            new { text = "Book the course", ownerId = reportId, dueDate = "2030-03-20", meetingId }, HttpStatusCode.Created);
        await pair.ManagerClient.PutAsync<NoteResponse>($"/api/meetings/{meetingId}/notes/shared", new { text = "We both like the plan.", version = (Guid?)null });
        await pair.ManagerClient.PutAsync<NoteResponse>($"/api/meetings/{meetingId}/notes/private", new { text = "MANAGER-PRIVATE", version = (Guid?)null });
        await pair.ReportClient.PutAsync<NoteResponse>($"/api/meetings/{meetingId}/notes/private", new { text = "REPORT-PRIVATE", version = (Guid?)null });

        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();

        var mails = PickedUp();
        Assert.Equal(4, mails.Count);
        Assert.All(mails, m =>
        {
            Assert.DoesNotContain("PRIVATE", m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE", m.TextBody, StringComparison.Ordinal);
            Assert.StartsWith("<http://localhost/follow-ups/unsubscribe?t=", m.Headers["List-Unsubscribe"], StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", m.Headers["List-Unsubscribe-Post"]);
        });

        var managerRecap = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == pair.Manager.Email && (m.Subject ?? "").StartsWith("Terugblik", StringComparison.Ordinal));
        Assert.Contains("Report Rik", managerRecap.Subject, StringComparison.Ordinal);
        Assert.Contains("Agree on the training plan", managerRecap.TextBody, StringComparison.Ordinal);
        Assert.Contains("<b>Training</b> & budget", managerRecap.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Training&lt;/b&gt; &amp; budget", managerRecap.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Training", managerRecap.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("We both like the plan.", managerRecap.TextBody, StringComparison.Ordinal);
        Assert.Contains("Book the course (Report Rik, uiterlijk 20 maart)", managerRecap.TextBody, StringComparison.Ordinal);
        Assert.Contains("Volgende 1-op-1: zaterdag 2 maart 2030, 09:00", managerRecap.TextBody, StringComparison.Ordinal);
        Assert.Contains("Open het notitiedocument (de link werkt tot 8 maart 2030): http://localhost/follow-ups/notes?t=", managerRecap.TextBody, StringComparison.Ordinal);

        var reportRecap = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == pair.Report.Email && (m.Subject ?? "").StartsWith("Recap", StringComparison.Ordinal));
        Assert.Contains("Book the course (you, due 20 March)", reportRecap.TextBody, StringComparison.Ordinal);
        Assert.Equal(pair.Manager.Email, reportRecap.From.Mailboxes.Single().Address);

        var reportReminder = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == pair.Report.Email && (m.Subject ?? "").StartsWith("Prepare", StringComparison.Ordinal));
        Assert.Contains("This conversation is yours", reportReminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("Team day planning", reportReminder.TextBody, StringComparison.Ordinal);
        var managerReminder = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == pair.Manager.Email && (m.Subject ?? "").StartsWith("Bereid", StringComparison.Ordinal));
        Assert.Contains("Zet je eigen punten erbij", managerReminder.TextBody, StringComparison.Ordinal);

        var rows = await host.RowsAsync();
        Assert.Equal(4, rows.Count(r => r.Status == FollowUpStatus.Sent));
        Assert.All(rows.Where(r => r.Status == FollowUpStatus.Sent), r => Assert.NotNull(r.TransportMessageId));
    }

    [Fact]
    public async Task The_tenants_guide_sets_how_early_the_reminder_comes_and_the_preparation_prompt_it_carries()
    {
        // The pair's first meeting starts in 69 hours: past the configured 24-hour lead, within the guide's 72 hours.
        var pair = await OneOnOnePair.CreateAsync(host);
        var other = await OneOnOnePair.CreateAsync(host);
        var admin = host.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", host.Tokens.For(TestPerson.New(pair.Manager.TenantId), roles: "OneOnOne.Admin"));
        await admin.PutAsync<OneOnOne.Api.Guide.GuideResponse>("/api/admin/guide", new
        {
            version = 0,
            guide = new
            {
                prompts = new[]
                {
                    new { key = "prep.own", theme = "Preparation", @for = "Both", when = "Regular", text = new { nl = "Onze eigen voorbereidingsvraag", en = "Our own preparation question" } },
                },
                templates = Array.Empty<object>(),
                defaults = new { reminderLeadHours = 72, recapDelayMinutes = 15 },
            },
        });

        await host.SweepAsync();
        await host.WaitUntilSettledAsync();

        var reminders = PickedUp().Where(m => (m.Subject ?? "").StartsWith("Prepare", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { pair.Manager.Email, pair.Report.Email }.Order(), reminders.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(reminders, m => Assert.Contains("Our own preparation question", m.TextBody, StringComparison.Ordinal));
        var rows = (await host.RowsAsync()).Where(r => r.Kind == FollowUpKind.PreparationReminder).ToList();
        Assert.All(rows, r => Assert.Equal(OneOnOnePair.FirstStart.UtcDateTime.AddHours(-72), r.DueUtc));
        // The other tenant keeps the configured 24 hours: nothing for its meeting yet.
        Assert.DoesNotContain(rows, r => r.MeetingId == other.Meeting.MeetingId);
    }

    [Fact]
    public async Task Mails_give_times_in_the_zone_the_recipients_device_reported_else_the_configured_one()
    {
        var (pair, _) = await MeetingThatEndedAsync(managerLanguage: "en", reportLanguage: "en");
        await pair.ResolveAsync(Now.AddHours(20));
        await pair.ReportClient.PutAsync<MeResponse>("/api/me/time-zone", new { timeZone = "Asia/Tokyo" });

        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();

        // The next meeting starts on 2 March at 08:00 UTC: 09:00 in Amsterdam (FollowUps:TimeZone), 17:00 in Tokyo.
        var mails = PickedUp();
        var managerRecap = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == pair.Manager.Email && (m.Subject ?? "").StartsWith("Recap", StringComparison.Ordinal));
        var reportRecap = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == pair.Report.Email && (m.Subject ?? "").StartsWith("Recap", StringComparison.Ordinal));
        var reportReminder = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == pair.Report.Email && (m.Subject ?? "").StartsWith("Prepare", StringComparison.Ordinal));
        Assert.Contains("Next 1-on-1: Saturday 2 March 2030, 09:00", managerRecap.TextBody, StringComparison.Ordinal);
        Assert.Contains("Next 1-on-1: Saturday 2 March 2030, 17:00", reportRecap.TextBody, StringComparison.Ordinal);
        Assert.Contains("Saturday 2 March 2030, 17:00", reportReminder.Subject, StringComparison.Ordinal);
    }

    private static Uri NotesLinkIn(MimeMessage mail) =>
        new(Regex.Match(mail.TextBody ?? "", @"http://localhost/follow-ups/notes\?t=\S+").Value);

    [Fact]
    public async Task A_recap_of_a_meeting_where_nothing_was_ticked_says_so_and_shows_the_agenda()
    {
        var (pair, meetingId) = await MeetingThatEndedAsync(managerLanguage: "en", reportLanguage: "nl");
        await pair.ReportClient.PostAsync<AgendaItemResponse>($"/api/meetings/{meetingId}/agenda", new { text = "Workload in March" }, HttpStatusCode.Created);

        await host.SweepAsync();
        await host.WaitUntilSettledAsync();

        var recaps = PickedUp().Where(m => (m.Subject ?? "").StartsWith("Recap", StringComparison.Ordinal) || (m.Subject ?? "").StartsWith("Terugblik", StringComparison.Ordinal)).ToList();
        var english = Assert.Single(recaps, m => m.To.Mailboxes.Single().Address == pair.Manager.Email);
        var dutch = Assert.Single(recaps, m => m.To.Mailboxes.Single().Address == pair.Report.Email);
        Assert.Contains("Nothing was marked as discussed in the meeting; this is what was on the agenda.", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("Workload in March", english.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("What you discussed", english.TextBody, StringComparison.Ordinal);
        Assert.Contains("In het gesprek is niets als besproken aangevinkt", dutch.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recaps_link_opens_the_recipients_notes_document_without_sign_in_until_it_expires()
    {
        var (pair, meetingId) = await MeetingThatEndedAsync(managerLanguage: "en", reportLanguage: "nl");
        await pair.ManagerClient.PutAsync<NoteResponse>($"/api/meetings/{meetingId}/notes/shared", new { text = "We both like the plan.", version = (Guid?)null });
        await pair.ManagerClient.PutAsync<NoteResponse>($"/api/meetings/{meetingId}/notes/private", new { text = "MANAGER-PRIVATE", version = (Guid?)null });
        await pair.ReportClient.PutAsync<NoteResponse>($"/api/meetings/{meetingId}/notes/private", new { text = "REPORT-PRIVATE", version = (Guid?)null });
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        var managerLink = NotesLinkIn(Assert.Single(PickedUp(), m => m.To.Mailboxes.Single().Address == pair.Manager.Email));
        var reportLink = NotesLinkIn(Assert.Single(PickedUp(), m => m.To.Mailboxes.Single().Address == pair.Report.Email));
        var anonymous = host.CreateClient();

        // Opened from the mail client: no token, the signed link is the credential.
        var document = await anonymous.GetAsync(managerLink.PathAndQuery, Cancel);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(NotesDocument.ContentType, document.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", document.Headers.CacheControl?.ToString());
        var package = await document.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Empty(WordUser.ValidationErrors(package));
        Assert.Contains("We both like the plan.", WordUser.BodyText(package), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", WordUser.AllParts(package), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(reportLink.PathAndQuery, Cancel)).StatusCode);

        // A damaged link, and a well-signed one for someone outside the 1-on-1, open nothing.
        var damaged = await anonymous.GetAsync(managerLink.PathAndQuery[..^4], Cancel);
        Assert.Equal(HttpStatusCode.NotFound, damaged.StatusCode);
        Assert.Contains("This link to the notes has expired or is not valid", await damaged.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var stranger = TestPerson.New(pair.Manager.TenantId);
        var strangerId = (await host.ClientFor(stranger).GetAsync<MeResponse>("/api/me")).Id;
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(FollowUpLinks.NotesPurpose);
        var forged = protector.Protect($"{meetingId:N}|{strangerId:N}|{Now.AddDays(1).ToUnixTimeSeconds()}|{Person.Normalize(stranger.Email)}");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/follow-ups/notes?t={Uri.EscapeDataString(forged)}", Cancel)).StatusCode);

        // Erased, the report's link no longer opens anything; the manager's works until it expires, 7 days on.
        Assert.Equal(HttpStatusCode.NoContent, (await pair.ReportClient.DeleteAsync("/api/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(reportLink.PathAndQuery, Cancel)).StatusCode);
        host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(managerLink.PathAndQuery, Cancel)).StatusCode);
        host.Clock.Advance(TimeSpan.FromDays(2));
        var expired = await anonymous.GetAsync(managerLink.PathAndQuery, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("lang=\"en\"", await expired.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opting_out_by_link_or_by_preference_stops_that_kind_of_mail()
    {
        var (pair, _) = await MeetingThatEndedAsync("en", "nl");
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        var managerRecap = Assert.Single(PickedUp(), m => m.To.Mailboxes.Single().Address == pair.Manager.Email);
        var link = new Uri(managerRecap.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        var anonymous = host.CreateClient();

        var page = await anonymous.GetAsync(link.PathAndQuery, Cancel);
        var stillReceives = await pair.ManagerClient.GetAsync<MailPreferences>("/api/me/mail-preferences");
        var done = await anonymous.PostAsync(link.PathAndQuery, new StringContent("List-Unsubscribe=One-Click"), Cancel);
        var forged = await anonymous.PostAsync("/follow-ups/unsubscribe?t=forged", null, Cancel);
        await pair.ReportClient.PutAsync<MailPreferences>("/api/me/mail-preferences", new { recaps = false, reminders = true, digests = true });
        var managerPreferences = await pair.ManagerClient.GetAsync<MailPreferences>("/api/me/mail-preferences");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.True(stillReceives.Recaps);
        Assert.Contains("Done.", await done.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(new MailPreferences(Recaps: false, Reminders: true, Digests: true), managerPreferences);

        host.Clock.Advance(TimeSpan.FromDays(7));
        await pair.ResolveAsync(Now.AddDays(7).AddHours(-1));
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();

        Assert.Equal(2, PickedUp().Count);
        var rows = await host.RowsAsync();
        Assert.Equal(2, rows.Count(r => r.Status == FollowUpStatus.Cancelled && r.Kind == FollowUpKind.Recap));
    }

    [Fact]
    public async Task Follow_ups_follow_the_calendar_a_cancelled_occurrence_holds_them_a_restored_one_brings_them_back_a_moved_one_moves_them()
    {
        var tenant = Guid.NewGuid().ToString();
        var manager = host.InDirectory(TestPerson.New(tenant, "Manager Mia"));
        var report = host.InDirectory(TestPerson.New(tenant, "Report Rik"));
        // A weekly 1-on-1 whose first occurrence ended half an hour ago; nobody opens anything after this.
        var first = Now.AddHours(-1);
        var second = first.AddDays(7);
        var eventId = OneOnOnePair.AddWeekly(host, manager, report, first);
        var resolved = await host.ClientFor(manager).PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(eventId, first));

        // Cancelled in Outlook after the pane last read it: the recap is held, not sent.
        host.Workplace.CancelOccurrence(eventId, first.UtcDateTime);
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        Assert.Empty(PickedUp());
        Assert.All(await host.RowsAsync(), r => Assert.Equal(FollowUpStatus.OnHold, r.Status));

        // Put back in Outlook: the reconciliation sees it by itself and the recaps go out, once each.
        host.Workplace.RestoreOccurrence(eventId, first.UtcDateTime);
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        await host.ReconcileAsync();
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        var recaps = PickedUp();
        Assert.Equal(2, recaps.Count);
        Assert.Equal(2, recaps.Select(m => m.Headers["X-OneOnOne-FollowUp"]).Distinct().Count());

        // The next occurrence moves two days later in Outlook: its reminder comes a day before the new time, not the old one.
        var movedTo = second.AddDays(2);
        host.Workplace.MoveOccurrence(eventId, second.UtcDateTime, movedTo.UtcDateTime);
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.ReconcileAsync();
        var next = await host.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().SingleAsync(m => m.SeriesId == resolved.SeriesId && m.OriginalStartUtc == second.UtcDateTime, Cancel));
        Assert.Equal(movedTo.UtcDateTime, next.StartUtc);

        host.Clock.Advance(second - host.Clock.GetUtcNow() - TimeSpan.FromHours(12));
        await host.ReconcileAsync();
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        Assert.Equal(2, PickedUp().Count);

        host.Clock.Advance(movedTo - host.Clock.GetUtcNow() - TimeSpan.FromHours(12));
        await host.ReconcileAsync();
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        var reminders = PickedUp().Where(m => m.Headers["X-OneOnOne-FollowUp"] is { } id && !recaps.Any(r => r.Headers["X-OneOnOne-FollowUp"] == id)).ToList();
        Assert.Equal(2, reminders.Count);
        var reminderRows = (await host.RowsAsync()).Where(r => r.Kind == FollowUpKind.PreparationReminder && r.MeetingId == next.Id).ToList();
        Assert.Equal(2, reminderRows.Count);
        Assert.All(reminderRows, r => Assert.Equal(FollowUpStatus.Sent, r.Status));
    }

    [Fact]
    public async Task While_the_calendar_cannot_be_read_recaps_wait_and_go_out_once_each_when_it_can()
    {
        var (pair, _) = await MeetingThatEndedAsync("en", "en");
        await pair.ResolveAsync(Now.AddMinutes(-50));
        host.CalendarDown = true;
        // Past the last confirmation's freshness: both meetings' recaps need the calendar now.
        host.Clock.Advance(TimeSpan.FromMinutes(20));

        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        var waiting = await host.RowsAsync();
        var sentWhileDown = PickedUp().Count;

        host.Clock.Advance(TimeSpan.FromMinutes(30));
        host.CalendarDown = false;
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        var rows = await host.RowsAsync();

        Assert.Equal(0, sentWhileDown);
        Assert.Equal(4, waiting.Count);
        Assert.All(waiting, r => Assert.Equal((FollowUpStatus.Pending, "Waiting for the calendar to confirm the meeting."), (r.Status, r.LastError)));
        Assert.All(rows, r => Assert.Equal(FollowUpStatus.Sent, r.Status));
        Assert.Equal(4, PickedUp().Select(m => m.Headers["X-OneOnOne-FollowUp"]).Distinct().Count());
        Assert.Equal(4, PickedUp().Count);
    }

    [Fact]
    public async Task A_renamed_person_gets_mail_at_the_new_address_and_a_deleted_accounts_one_on_ones_send_nothing_more()
    {
        var tenant = Guid.NewGuid().ToString();
        var manager = host.InDirectory(TestPerson.New(tenant, "Manager Mia"));
        var report = host.InDirectory(TestPerson.New(tenant, "Report Rik"));
        var first = Now.AddHours(-1);
        var eventId = OneOnOnePair.AddWeekly(host, manager, report, first);
        await host.ClientFor(manager).PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(eventId, first));

        // Renamed in the directory; the daily look-up takes it over before the recap goes out.
        host.Workplace.RenamePerson(tenant, report.ObjectId, "Rik de Vries", "rik.devries@example.test");
        host.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(20)));
        await host.ReconcileAsync();
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        var recapTo = PickedUp().Select(m => m.To.Mailboxes.Single().Address).Order().ToList();

        // The report leaves; the next week's reminder is not sent to anyone.
        host.Workplace.DeletePerson(tenant, report.ObjectId);
        host.Clock.Advance(TimeSpan.FromDays(5));
        await host.ReconcileAsync();
        await host.RunUntilDoneAsync();

        Assert.Equal(new[] { manager.Email, "rik.devries@example.test" }.Order(), recapTo);
        Assert.Equal(2, PickedUp().Count);
        Assert.DoesNotContain(await host.RowsAsync(), r => r.Kind == FollowUpKind.PreparationReminder && r.Status == FollowUpStatus.Sent);
    }

    [Fact]
    public async Task A_follow_up_whose_meeting_cannot_be_confirmed_within_the_wait_is_dropped_not_sent()
    {
        var (_, meetingId) = await MeetingThatEndedAsync("en", "en");
        host.CalendarDown = true;
        host.Clock.Advance(TimeSpan.FromMinutes(20));

        await host.RunUntilDoneAsync(rounds: 80, step: TimeSpan.FromMinutes(5));
        var rows = await host.RowsAsync();

        Assert.Empty(PickedUp());
        Assert.Equal(2, rows.Count(r => r.MeetingId == meetingId));
        Assert.All(rows, r => Assert.Equal(FollowUpStatus.Cancelled, r.Status));
        Assert.All(rows, r => Assert.Contains("could not be read", r.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_for_a_meeting_that_moved_after_it_was_queued_waits_instead_of_sending()
    {
        var (pair, meetingId) = await MeetingThatEndedAsync("en", "en");
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        var row = (await host.RowsAsync()).First(r => r.MeetingId == meetingId);
        await host.WithDbAsync(async db =>
        {
            var meeting = await db.Meetings.IgnoreQueryFilters().SingleAsync(m => m.Id == meetingId, Cancel);
            meeting.EndUtc = Now.UtcDateTime.AddHours(2);
            var again = await db.FollowUps.IgnoreQueryFilters().SingleAsync(f => f.Id == row.Id, Cancel);
            again.Status = FollowUpStatus.Pending;
            return await db.SaveChangesAsync(Cancel);
        });
        var mailsBefore = PickedUp().Count;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FollowUpJob>().SendAsync(row.Id, Cancel);
        }

        var after = (await host.RowsAsync()).Single(r => r.Id == row.Id);
        Assert.Equal(mailsBefore, PickedUp().Count);
        Assert.Equal(FollowUpStatus.Pending, after.Status);
        Assert.Equal(Now.UtcDateTime.AddHours(2).AddMinutes(15), after.DueUtc);
    }

    [Fact]
    public async Task Overdue_actions_come_in_a_digest_at_most_once_a_week()
    {
        var (pair, meetingId) = await MeetingThatEndedAsync("en", "nl");
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{meetingId}/pane");
        var reportId = pane.Participants.Single(p => p.Role == ParticipantRole.Report).Id;
        await pair.ManagerClient.PostAsync<ActionItemResponse>($"/api/series/{pair.Meeting.SeriesId}/actions",
            new { text = "Send the <quarterly> report", ownerId = reportId, dueDate = "2030-02-20", meetingId }, HttpStatusCode.Created);

        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        host.Clock.Advance(TimeSpan.FromDays(3));
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();

        var digest = Assert.Single(PickedUp(), m => (m.Subject ?? "").Contains("verlopen actie", StringComparison.Ordinal));
        Assert.Equal("1 verlopen actie uit je 1-op-1's", digest.Subject);
        Assert.Equal(pair.Report.Email, digest.To.Mailboxes.Single().Address);
        Assert.Contains("Send the <quarterly> report (uiterlijk 20 februari, 1-op-1 met Manager Mia)", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Send the &lt;quarterly&gt; report", digest.HtmlBody, StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromDays(5));
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();

        Assert.Equal(2, PickedUp().Count(m => (m.Subject ?? "").Contains("verlopen actie", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_dashboard_is_closed_to_requests_that_are_not_from_this_machine()
    {
        // The test server's requests carry no remote address, like a request through a proxy would not be local.
        var response = await host.CreateClient().GetAsync("/hangfire", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
