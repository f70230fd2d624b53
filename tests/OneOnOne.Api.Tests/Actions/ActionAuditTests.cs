using System.Net;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Privacy;

namespace OneOnOne.Api.Tests.Actions;

public abstract class ActionAuditTests(ApiFactory api) : ProviderTests(api)
{
    [Fact]
    public async Task Every_change_of_an_action_is_recorded_with_who_when_and_what()
    {
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var pair = target.Pair;
        var reportId = (await pair.ReportClient.GetAsync<MeResponse>("/api/me")).Id;
        var managerId = (await pair.ManagerClient.GetAsync<MeResponse>("/api/me")).Id;
        var action = await pair.ReportClient.PostAsync<ActionItemResponse>($"/api/actions/{target.Action.Id}/reopen", new { version = target.Action.Version });
        await pair.ReportClient.PatchAsync<ActionItemResponse>($"/api/actions/{action.Id}", new { text = "Act now", ownerId = reportId, dueDate = "2030-04-01", version = action.Version });
        var url = $"/api/series/{target.SeriesId}/actions/{action.Id}/audit";

        var trail = await pair.ManagerClient.GetAsync<ActionAuditResponse[]>(url);

        Assert.Equal([AuditChange.Added, AuditChange.Modified, AuditChange.Modified, AuditChange.Modified], trail.Select(e => e.Change));
        Assert.Equal([managerId, managerId, reportId, reportId], trail.Select(e => e.ById!.Value));
        Assert.Equal(["Manager Mia", "Manager Mia", "Report Rik", "Report Rik"], trail.Select(e => e.ByName));
        Assert.Contains(trail[0].Fields, f => f is { Field: "Text", Old: null, New: "Act" });
        Assert.Contains(trail[1].Fields, f => f is { Field: "Status", Old: "Open", New: "Done" });
        Assert.Contains(trail[2].Fields, f => f is { Field: "Status", Old: "Done", New: "Open" });
        var edit = trail[3].Fields;
        Assert.Contains(edit, f => f is { Field: "Text", Old: "Act", New: "Act now" });
        Assert.Contains(edit, f => f.Field == "OwnerId" && f.Old == managerId.ToString() && f.New == reportId.ToString());
        Assert.Contains(edit, f => f is { Field: "DueDate", Old: null, New: "2030-04-01" });
        Assert.DoesNotContain(edit, f => f.Field is "Version" or "CreatedUtc");
        Assert.All(trail, e => Assert.True(e.At > DateTimeOffset.UtcNow.AddMinutes(-5) && e.At <= DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.Equal(trail.Length, (await pair.ReportClient.GetAsync<ActionAuditResponse[]>(url)).Length);
    }

    [Fact]
    public async Task The_trail_is_for_the_two_participants_only_and_holds_no_note()
    {
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var url = $"/api/series/{target.SeriesId}/actions/{target.Action.Id}/audit";
        var colleague = Api.ClientFor(TestPerson.New(target.Pair.Manager.TenantId));
        var otherTenant = Api.ClientFor(TestPerson.New());

        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.GetAsync(url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync(url, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await target.Pair.ManagerClient.GetAsync($"/api/series/{target.SeriesId}/actions/{Guid.NewGuid()}/audit", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await target.Pair.ManagerClient.GetAsync($"/api/series/{Guid.NewGuid()}/actions/{target.Action.Id}/audit", Cancel)).StatusCode);

        var stored = await Api.WithDbAsync(db => db.ActionAuditEntries.IgnoreQueryFilters()
            .Where(a => a.TenantId == target.Pair.Manager.TenantId).Select(a => a.Changes).ToListAsync(Cancel));
        Assert.NotEmpty(stored);
        Assert.All(stored, changes =>
        {
            Assert.DoesNotContain(target.ManagerSecret, changes, StringComparison.Ordinal);
            Assert.DoesNotContain(target.ReportSecret, changes, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_deleted_action_keeps_its_trail()
    {
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var managerId = (await target.Pair.ManagerClient.GetAsync<MeResponse>("/api/me")).Id;
        // No endpoint deletes an action today; the context records it all the same when code does.
        await Api.WithDbAsync(async db =>
        {
            var action = await db.ActionItems.IgnoreQueryFilters().SingleAsync(a => a.Id == target.Action.Id, Cancel);
            db.ActionItems.Remove(action);
            return await db.SaveChangesAsync(Cancel);
        });

        var trail = await target.Pair.ManagerClient.GetAsync<ActionAuditResponse[]>($"/api/series/{target.SeriesId}/actions/{target.Action.Id}/audit");

        var deleted = trail[^1];
        Assert.Equal(AuditChange.Deleted, deleted.Change);
        Assert.Null(deleted.ById);
        Assert.Contains(deleted.Fields, f => f is { Field: "Text", Old: "Act", New: null });
        Assert.Equal(managerId, trail[0].ById);
    }
}

public sealed class SqliteActionAuditTests(SqliteApiFactory api) : ActionAuditTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresActionAuditTests(PostgresApiFactory api) : ActionAuditTests(api), IClassFixture<PostgresApiFactory>;
