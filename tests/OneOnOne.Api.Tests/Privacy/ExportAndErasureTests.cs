using System.Net;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Privacy;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Privacy;

public abstract class ExportAndErasureTests(ApiFactory api) : ProviderTests(api)
{
    [Fact]
    public async Task The_export_holds_what_is_the_callers_and_only_their_own_private_note()
    {
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var pair = target.Pair;
        var reportItem = await pair.ReportClient.PostAsync<AgendaItemResponse>($"/api/meetings/{target.MeetingId}/agenda", new { text = "Report's point" }, HttpStatusCode.Created);
        await pair.ReportClient.PutAsync<MeResponse>("/api/me/time-zone", new { timeZone = "Europe/London" });

        var response = await pair.ReportClient.GetAsync($"/api/me/export", Cancel);
        var raw = await response.Content.ReadAsStringAsync(Cancel);
        var export = await response.ReadAsync<PersonalDataExport>();

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(pair.Report.Email, export.Person.Email);
        Assert.Equal(pair.Report.Name, export.Person.DisplayName);
        Assert.Equal("Europe/London", export.Person.TimeZone);
        var series = Assert.Single(export.Series);
        Assert.Equal(ParticipantRole.Report, series.MyRole);
        Assert.Equal(pair.Manager.Name, series.OtherPersonName);
        var meeting = Assert.Single(series.Meetings);
        Assert.Equal(target.MeetingId, meeting.Id);
        Assert.Equal(reportItem.Id, Assert.Single(meeting.MyAgendaItems).Id);
        Assert.Equal("Both see this", meeting.SharedNote?.Text);
        Assert.Equal(target.ReportSecret, meeting.MyPrivateNote?.Text);
        // The manager's action is the report's only if they own it; this one the manager owns and created.
        Assert.Empty(series.Actions);
        Assert.DoesNotContain(target.ManagerSecret, raw, StringComparison.Ordinal);

        var managerExport = await pair.ManagerClient.GetAsync<PersonalDataExport>("/api/me/export");
        var managerMeeting = Assert.Single(Assert.Single(managerExport.Series).Meetings);
        Assert.Equal(target.ManagerSecret, managerMeeting.MyPrivateNote?.Text);
        Assert.Equal(target.Action.Id, Assert.Single(managerExport.Series[0].Actions).Id);
        Assert.Contains(managerExport.ActionChanges, c => c.ActionId == target.Action.Id && c.Change == AuditChange.Added);
    }

    [Fact]
    public async Task Erasure_deletes_private_notes_and_leaves_shared_content_to_the_other_person_without_the_erased_identity()
    {
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var pair = target.Pair;
        var reportItem = await pair.ReportClient.PostAsync<AgendaItemResponse>($"/api/meetings/{target.MeetingId}/agenda", new { text = "Report's point" }, HttpStatusCode.Created);
        var reportId = (await pair.ReportClient.PutAsync<MeResponse>("/api/me/time-zone", new { timeZone = "Europe/London" })).Id;
        await Api.WithDbAsync(async db =>
        {
            db.FollowUps.Add(new FollowUp { TenantId = pair.Report.TenantId, Key = target.MeetingId.ToString(), MeetingId = target.MeetingId, Kind = FollowUpKind.Recap, RecipientId = reportId, DueUtc = DateTime.UtcNow.AddDays(1), LastError = $"550 {pair.Report.Email} refused" });
            return await db.SaveChangesAsync(Cancel);
        });

        var erased = await pair.ReportClient.DeleteAsync("/api/me", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var (person, privateNotes, managerNote, followUp) = await Api.WithDbAsync(async db => (
            await db.People.IgnoreQueryFilters().SingleAsync(p => p.Id == reportId, Cancel),
            await db.Notes.IgnoreQueryFilters().CountAsync(n => n.OwnerKey == reportId, Cancel),
            await db.Notes.IgnoreQueryFilters().SingleOrDefaultAsync(n => n.OwnerKey != Guid.Empty && n.MeetingId == target.MeetingId && n.OwnerKey != reportId, Cancel),
            await db.FollowUps.IgnoreQueryFilters().SingleAsync(f => f.RecipientId == reportId, Cancel)));
        Assert.Equal(0, privateNotes);
        Assert.Equal(target.ManagerSecret, managerNote?.Text);
        Assert.Equal(PrivacyTexts.FormerParticipantName, person.DisplayName);
        Assert.Equal(PersonalDataErasure.TombstoneEmail(reportId), person.Email);
        Assert.Null(person.ObjectId);
        Assert.Null(person.TimeZone);
        Assert.True(person.NoRecaps && person.NoReminders && person.NoDigests);
        Assert.Equal(FollowUpStatus.Cancelled, followUp.Status);
        Assert.Null(followUp.LastError);

        // The manager keeps the 1-on-1 and the report's talking point, no longer with the report's name or address.
        var pane = await PrivacyScenario.SendAsync(pair.ManagerClient, HttpMethod.Get, $"/api/meetings/{target.MeetingId}/pane");
        Assert.Equal(HttpStatusCode.OK, pane.Status);
        Assert.Contains(reportItem.Id.ToString(), pane.Body, StringComparison.Ordinal);
        Assert.Contains(PrivacyTexts.FormerParticipant.En, pane.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(pair.Report.Name, pane.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(pair.Report.Email, pane.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(target.ReportSecret, pane.Body, StringComparison.Ordinal);
        var managerExport = await PrivacyScenario.SendAsync(pair.ManagerClient, HttpMethod.Get, "/api/me/export");
        Assert.DoesNotContain(pair.Report.Name, managerExport.Body, StringComparison.Ordinal);

        // The report's next request is a new person with nothing.
        var fresh = await pair.ReportClient.GetAsync<MeResponse>("/api/me");
        Assert.NotEqual(reportId, fresh.Id);
        Assert.Equal(pair.Report.Email, fresh.Email);
        Assert.Empty((await pair.ReportClient.GetAsync<PersonalDataExport>("/api/me/export")).Series);
        Assert.Equal(HttpStatusCode.NotFound, (await pair.ReportClient.GetAsync($"/api/meetings/{target.MeetingId}/pane", Cancel)).StatusCode);
    }

    [Fact]
    public async Task After_erasure_the_other_person_meeting_them_again_starts_a_new_one_on_one()
    {
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var pair = target.Pair;
        Assert.Equal(HttpStatusCode.NoContent, (await pair.ReportClient.DeleteAsync("/api/me", Cancel)).StatusCode);

        var again = await pair.ResolveAsync(Meetings.OneOnOnePair.FirstStart.AddDays(7));

        Assert.NotEqual(target.SeriesId, again.SeriesId);
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{again.MeetingId}/pane");
        Assert.Contains(pane.Participants, p => p.Email == pair.Report.Email && !p.IsMe);
    }

    [Fact]
    public async Task Export_and_erasure_need_a_signed_in_caller()
    {
        var anonymous = Api.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/me/export", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/me", Cancel)).StatusCode);
    }
}

public sealed class SqliteExportAndErasureTests(SqliteApiFactory api) : ExportAndErasureTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresExportAndErasureTests(PostgresApiFactory api) : ExportAndErasureTests(api), IClassFixture<PostgresApiFactory>;
