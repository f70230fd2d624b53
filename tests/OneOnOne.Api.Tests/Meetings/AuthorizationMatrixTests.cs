using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Privacy;

namespace OneOnOne.Api.Tests.Meetings;

/// <summary>
/// Every endpoint of a 1-on-1, called by each kind of caller: the participants get their answer; a colleague in
/// the same tenant and a person of another tenant get 404 and change nothing; no token gets 401. Every answer
/// is checked for private notes that are not the caller's own.
/// </summary>
public abstract class AuthorizationMatrixTests(ApiFactory api) : ProviderTests(api)
{
    public sealed record Target(
        OneOnOnePair Pair, Guid MeetingId, Guid SeriesId, AgendaItemResponse Item, ActionItemResponse Action, PaneResponse Pane,
        string ManagerSecret, string ReportSecret);

    public sealed record Endpoint(string Name, HttpMethod Method, Func<Target, string> Url, Func<Target, object?> Body, HttpStatusCode ForManager);

    public static readonly Endpoint[] Endpoints =
    [
        // Someone else's event: not in the caller's calendar, so nothing to resolve (the event id is only a hint).
        new("resolve", HttpMethod.Post, _ => "/api/meetings/resolve", t => OneOnOnePair.Open(t.Pair.EventId, OneOnOnePair.FirstStart), HttpStatusCode.OK),
        new("pane", HttpMethod.Get, t => $"/api/meetings/{t.MeetingId}/pane", _ => null, HttpStatusCode.OK),
        new("next meeting's pane", HttpMethod.Get, _ => "/api/meetings/next/pane", _ => null, HttpStatusCode.OK),
        new("agenda add", HttpMethod.Post, t => $"/api/meetings/{t.MeetingId}/agenda", _ => new { text = "New point" }, HttpStatusCode.Created),
        new("agenda add prompt", HttpMethod.Post, t => $"/api/meetings/{t.MeetingId}/agenda/prompts", t => new { promptKey = t.Pane.Prompts[0].Key }, HttpStatusCode.Created),
        new("agenda order", HttpMethod.Put, t => $"/api/meetings/{t.MeetingId}/agenda/order", t => new { itemIds = new[] { t.Item.Id } }, HttpStatusCode.OK),
        new("agenda edit", HttpMethod.Patch, t => $"/api/meetings/{t.MeetingId}/agenda/{t.Item.Id}", t => new { text = "Changed", version = t.Item.Version }, HttpStatusCode.OK),
        new("agenda discussed", HttpMethod.Put, t => $"/api/meetings/{t.MeetingId}/agenda/{t.Item.Id}/discussed", t => new { discussed = true, version = t.Item.Version }, HttpStatusCode.OK),
        new("agenda delete", HttpMethod.Delete, t => $"/api/meetings/{t.MeetingId}/agenda/{t.Item.Id}", _ => null, HttpStatusCode.NoContent),
        new("goal", HttpMethod.Put, t => $"/api/meetings/{t.MeetingId}/goal", t => new { goal = "Goal", version = t.Pane.Meeting.Version }, HttpStatusCode.OK),
        new("swap roles", HttpMethod.Post, t => $"/api/series/{t.SeriesId}/swap-roles", t => new { version = t.Pane.Meeting.SeriesVersion }, HttpStatusCode.OK),
        new("action add", HttpMethod.Post, t => $"/api/series/{t.SeriesId}/actions", t => new { text = "New action", meetingId = t.MeetingId }, HttpStatusCode.Created),
        new("action edit", HttpMethod.Patch, t => $"/api/actions/{t.Action.Id}", t => new { text = "Changed", version = t.Action.Version }, HttpStatusCode.OK),
        new("action complete", HttpMethod.Post, t => $"/api/actions/{t.Action.Id}/complete", t => new { meetingId = t.MeetingId, version = t.Action.Version }, HttpStatusCode.OK),
        new("action reopen", HttpMethod.Post, t => $"/api/actions/{t.Action.Id}/reopen", t => new { version = t.Action.Version }, HttpStatusCode.OK),
        new("notes", HttpMethod.Get, t => $"/api/meetings/{t.MeetingId}/notes", _ => null, HttpStatusCode.OK),
        new("shared note", HttpMethod.Put, t => $"/api/meetings/{t.MeetingId}/notes/shared", t => new { text = "Shared", version = t.Pane.Notes.Shared!.Version }, HttpStatusCode.OK),
        new("private note", HttpMethod.Put, t => $"/api/meetings/{t.MeetingId}/notes/private", t => new { text = "Mine", version = t.Pane.Notes.Private!.Version }, HttpStatusCode.OK),
        new("series template", HttpMethod.Put, t => $"/api/series/{t.SeriesId}/template", t => new { templateKey = (string?)null, version = t.Pane.Meeting.SeriesVersion }, HttpStatusCode.OK),
    ];

    public static TheoryData<string> EndpointNames => new(Endpoints.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(EndpointNames))]
    public async Task Only_the_two_participants_reach_an_endpoint_and_nobody_sees_anothers_private_note(string name)
    {
        var endpoint = Endpoints.Single(e => e.Name == name);
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var stranger = Api.ClientFor(TestPerson.New(target.Pair.Manager.TenantId));
        var otherTenant = Api.ClientFor(TestPerson.New());
        // The organisation's admin (who edits the conversation guide) sees no 1-on-1 of others either.
        var admin = Api.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new("Bearer", Api.Tokens.For(TestPerson.New(target.Pair.Manager.TenantId), roles: "OneOnOne.Admin"));
        var anonymous = Api.CreateClient();
        var before = await SnapshotAsync(target.SeriesId);

        var strangerAnswer = await CallAsync(stranger, endpoint, target);
        var otherTenantAnswer = await CallAsync(otherTenant, endpoint, target);
        var adminAnswer = await CallAsync(admin, endpoint, target);
        var anonymousAnswer = await CallAsync(anonymous, endpoint, target);

        Assert.Equal(HttpStatusCode.NotFound, strangerAnswer.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherTenantAnswer.Status);
        Assert.Equal(HttpStatusCode.NotFound, adminAnswer.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousAnswer.Status);
        Assert.Equal(before, await SnapshotAsync(target.SeriesId));
        foreach (var answer in new[] { strangerAnswer, otherTenantAnswer, adminAnswer, anonymousAnswer })
        {
            Assert.DoesNotContain(target.ManagerSecret, answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(target.ReportSecret, answer.Body, StringComparison.Ordinal);
        }

        var reportAnswer = await CallAsync(target.Pair.ReportClient, endpoint, target);
        Assert.DoesNotContain(target.ManagerSecret, reportAnswer.Body, StringComparison.Ordinal);
        Assert.True(reportAnswer.Status is not (HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.InternalServerError), $"{name} as report: {reportAnswer.Status} {reportAnswer.Body}");

        var fresh = await PrivacyScenario.CreateTargetAsync(Api);
        var managerAnswer = await CallAsync(fresh.Pair.ManagerClient, endpoint, fresh);
        Assert.True(managerAnswer.Status == endpoint.ForManager, $"{name} as manager: {managerAnswer.Status} {managerAnswer.Body}");
        Assert.DoesNotContain(fresh.ReportSecret, managerAnswer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_has_no_upcoming_meetings_of_others()
    {
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var stranger = Api.ClientFor(TestPerson.New(target.Pair.Manager.TenantId));

        var upcoming = await stranger.GetAsync<UpcomingMeetingResponse[]>("/api/meetings/upcoming");
        var managerUpcoming = await target.Pair.ManagerClient.GetAsync<UpcomingMeetingResponse[]>("/api/meetings/upcoming");

        Assert.Empty(upcoming);
        Assert.Equal(target.MeetingId, Assert.Single(managerUpcoming).MeetingId);
    }

    private static async Task<(HttpStatusCode Status, string Body)> CallAsync(HttpClient client, Endpoint endpoint, Target target)
    {
        var response = await client.SendJsonAsync(endpoint.Method, endpoint.Url(target), endpoint.Body(target));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private Task<string> SnapshotAsync(Guid seriesId) => Api.WithDbAsync(async db =>
    {
        var series = await db.Series.IgnoreQueryFilters().Where(s => s.Id == seriesId).Select(s => new { s.ManagerId, s.Version }).SingleAsync(Cancel);
        var meetings = await db.Meetings.IgnoreQueryFilters().Where(m => m.SeriesId == seriesId).OrderBy(m => m.Id).Select(m => new { m.Id, m.Goal, m.Version }).ToListAsync(Cancel);
        var agenda = await db.AgendaItems.IgnoreQueryFilters().Where(a => a.SeriesId == seriesId).OrderBy(a => a.Id).Select(a => new { a.Id, a.Text, a.Version }).ToListAsync(Cancel);
        var actions = await db.ActionItems.IgnoreQueryFilters().Where(a => a.SeriesId == seriesId).OrderBy(a => a.Id).Select(a => new { a.Id, a.Status, a.Version }).ToListAsync(Cancel);
        var notes = await db.Notes.IgnoreQueryFilters().Where(n => meetings.Select(m => m.Id).Contains(n.MeetingId)).OrderBy(n => n.Id).Select(n => new { n.Id, n.Text, n.Version }).ToListAsync(Cancel);
        return JsonSerializer.Serialize(new { series, meetings, agenda, actions, notes });
    });
}

public sealed class SqliteAuthorizationMatrixTests(SqliteApiFactory api) : AuthorizationMatrixTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresAuthorizationMatrixTests(PostgresApiFactory api) : AuthorizationMatrixTests(api), IClassFixture<PostgresApiFactory>;
