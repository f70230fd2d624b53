using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
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
using Microsoft.Extensions.DependencyInjection;

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
            Assert.StartsWith("<http://localhost:5080/follow-ups/unsubscribe?t=", m.Headers["List-Unsubscribe"], StringComparison.Ordinal);
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
        Assert.Contains("Open het notitiedocument (de link werkt tot 31 maart 2030): http://localhost:5080/follow-ups/notes?t=", managerRecap.TextBody, StringComparison.Ordinal);

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
        new(Regex.Match(mail.TextBody ?? "", @"http://localhost:5080/follow-ups/notes\?t=\S+").Value);

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

        // Erased, the report's link no longer opens anything; the manager's works until it expires, 30 days on.
        Assert.Equal(HttpStatusCode.NoContent, (await pair.ReportClient.DeleteAsync("/api/me", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(reportLink.PathAndQuery, Cancel)).StatusCode);
        host.Clock.Advance(TimeSpan.FromDays(29));
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
    public async Task A_moved_meeting_moves_its_follow_up_and_a_cancelled_one_cancels_it()
    {
        var (pair, meetingId) = await MeetingThatEndedAsync("en", "en");
        var other = await pair.ResolveAsync(Now.AddHours(-3));
        // Both were due and in the outbox; then one moved to three days later and the other was cancelled.
        await host.WithDbAsync(async db =>
        {
            var moved = await db.Meetings.IgnoreQueryFilters().SingleAsync(m => m.Id == meetingId, Cancel);
            var series = await db.Series.IgnoreQueryFilters().SingleAsync(s => s.Id == pair.Meeting.SeriesId, Cancel);
            foreach (var (meeting, recipient) in new[] { (meetingId, series.ManagerId), (other.MeetingId, series.ManagerId) })
            {
                db.FollowUps.Add(new FollowUp { TenantId = series.TenantId, MeetingId = meeting, Key = meeting.ToString("N"), Kind = FollowUpKind.Recap, RecipientId = recipient, DueUtc = Now.UtcDateTime.AddMinutes(-5) });
            }

            moved.StartUtc = Now.UtcDateTime.AddDays(3);
            moved.EndUtc = moved.StartUtc.AddMinutes(30);
            (await db.Meetings.IgnoreQueryFilters().SingleAsync(m => m.Id == other.MeetingId, Cancel)).Status = MeetingStatus.Cancelled;
            return await db.SaveChangesAsync(Cancel);
        });

        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        var rows = await host.RowsAsync();

        Assert.Empty(PickedUp());
        var movedRow = Assert.Single(rows, r => r.MeetingId == meetingId);
        Assert.Equal(FollowUpStatus.Pending, movedRow.Status);
        Assert.Equal(Now.UtcDateTime.AddDays(3).AddMinutes(45), movedRow.DueUtc);
        Assert.Equal(FollowUpStatus.Cancelled, Assert.Single(rows, r => r.MeetingId == other.MeetingId).Status);

        host.Clock.Advance(TimeSpan.FromDays(3).Add(TimeSpan.FromHours(1)));
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();

        var sent = PickedUp().Select(m => m.Headers["X-OneOnOne-FollowUp"]).ToList();
        Assert.Single(sent, id => id == movedRow.Id.ToString());
        Assert.DoesNotContain(rows.Single(r => r.MeetingId == other.MeetingId).Id.ToString(), sent);
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
