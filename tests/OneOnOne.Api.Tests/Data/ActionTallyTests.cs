using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Data;

/// <summary>
/// The series keep the counts of their done actions (ActionTally) so the pane does not count the whole history: after
/// any mix of writes by both people those counts equal a count of the rows, and a recount finds the same.
/// </summary>
public abstract class ActionTallyTests(ApiFactory api) : ProviderTests(api)
{
    [Fact]
    public async Task The_series_counts_follow_every_action_write_by_either_person()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var seriesId = pair.Meeting.SeriesId;
        var people = new[] { (await pair.ManagerClient.GetAsync<MeResponse>("/api/me")).Id, (await pair.ReportClient.GetAsync<MeResponse>("/api/me")).Id };
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        DateOnly?[] dueDates = [null, today.AddDays(-3), today.AddDays(-1), today, today.AddDays(5)];
        var random = new Random(20261126);
        var actions = new List<ActionItemResponse>();

        for (var step = 0; step < 40; step++)
        {
            var client = random.Next(2) == 0 ? pair.ManagerClient : pair.ReportClient;
            var open = actions.Where(a => a.Status == ActionStatus.Open).ToList();
            var done = actions.Where(a => a.Status == ActionStatus.Done).ToList();
            ActionItemResponse changed;
            switch (random.Next(5))
            {
                case 0 or 1 when open.Count > 0:
                    var toComplete = open[random.Next(open.Count)];
                    changed = await client.PostAsync<ActionItemResponse>($"/api/actions/{toComplete.Id}/complete", new { meetingId = pair.Meeting.MeetingId, version = toComplete.Version });
                    break;
                case 2 when done.Count > 0:
                    var toReopen = done[random.Next(done.Count)];
                    changed = await client.PostAsync<ActionItemResponse>($"/api/actions/{toReopen.Id}/reopen", new { version = toReopen.Version });
                    break;
                case 3 when actions.Count > 0:
                    // A new due date moves a done action in or out of "on time".
                    var toEdit = actions[random.Next(actions.Count)];
                    var due = dueDates[random.Next(dueDates.Length)];
                    changed = await client.PatchAsync<ActionItemResponse>($"/api/actions/{toEdit.Id}",
                        due is null ? new { clearDueDate = true, version = toEdit.Version } : new { dueDate = due, version = toEdit.Version });
                    break;
                default:
                    changed = await client.PostAsync<ActionItemResponse>($"/api/series/{seriesId}/actions",
                        new { text = $"Action {step}", ownerId = people[random.Next(2)], dueDate = dueDates[random.Next(dueDates.Length)], meetingId = pair.Meeting.MeetingId },
                        HttpStatusCode.Created);
                    break;
            }

            actions.RemoveAll(a => a.Id == changed.Id);
            actions.Add(changed);
            await AssertCountsMatchRowsAsync(seriesId);
        }

        Assert.Contains(actions, a => a.Status == ActionStatus.Done);
        var pane = await pair.ReportClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");
        var (storedDone, storedOnTime) = await StoredAsync(seriesId);
        Assert.Equal(storedDone, pane.Health.ActionsDone);
        Assert.Equal(storedOnTime, pane.Health.ActionsDoneOnTime);

        // A delete outside the endpoints (as an operator's fix would be) is counted too.
        var deleted = actions.First(a => a.Status == ActionStatus.Done).Id;
        await Api.WithDbAsync(async db =>
        {
            db.ActionItems.Remove(await db.ActionItems.IgnoreQueryFilters().SingleAsync(a => a.Id == deleted, Cancel));
            return await db.SaveChangesAsync(Cancel);
        });
        Assert.Equal(storedDone - 1, (await StoredAsync(seriesId)).Done);
        await AssertCountsMatchRowsAsync(seriesId);
    }

    [Fact]
    public async Task A_recount_puts_back_what_rows_written_around_ef_left_out()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var seriesId = pair.Meeting.SeriesId;
        var owner = (await pair.ManagerClient.GetAsync<MeResponse>("/api/me")).Id;
        var action = await pair.ManagerClient.PostAsync<ActionItemResponse>($"/api/series/{seriesId}/actions",
            new { text = "Late", ownerId = owner, dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), meetingId = pair.Meeting.MeetingId },
            HttpStatusCode.Created);
        await pair.ManagerClient.PostAsync<ActionItemResponse>($"/api/actions/{action.Id}/complete", new { meetingId = pair.Meeting.MeetingId, version = action.Version });
        Assert.Equal((1, 0), await StoredAsync(seriesId));

        // As the data generator's bulk load does: the counters do not know.
        await Api.WithDbAsync(db => db.Series.IgnoreQueryFilters().Where(s => s.Id == seriesId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ActionsDone, 0).SetProperty(x => x.ActionsDoneOnTime, 7), Cancel));
        await Api.WithDbAsync(db => ActionTally.RecountAsync(db, Cancel));

        Assert.Equal((1, 0), await StoredAsync(seriesId));
        await AssertCountsMatchRowsAsync(seriesId);
    }

    [Fact]
    public async Task The_migration_that_added_the_counts_counts_the_actions_already_there()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var seriesId = pair.Meeting.SeriesId;
        var owner = (await pair.ManagerClient.GetAsync<MeResponse>("/api/me")).Id;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var due in new DateOnly?[] { null, today.AddDays(-2), today, today.AddDays(3), today.AddDays(-1) })
        {
            var action = await pair.ManagerClient.PostAsync<ActionItemResponse>($"/api/series/{seriesId}/actions",
                new { text = "Act", ownerId = owner, dueDate = due, meetingId = pair.Meeting.MeetingId }, HttpStatusCode.Created);
            if (due != today.AddDays(-1))
            {
                await pair.ManagerClient.PostAsync<ActionItemResponse>($"/api/actions/{action.Id}/complete", new { meetingId = pair.Meeting.MeetingId, version = action.Version });
            }
        }

        Assert.Equal((4, 3), await StoredAsync(seriesId));

        // Down to the migration before it (the columns go) and up again: its SQL has to count them.
        await Api.WithDbAsync(async db =>
        {
            var migrations = db.Database.GetMigrations().ToList();
            var added = migrations.FindIndex(m => m.EndsWith("_SeriesActionCounts", StringComparison.Ordinal));
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[added - 1], Cancel);
            await migrator.MigrateAsync(cancellationToken: Cancel);
            return added;
        });

        Assert.Equal((4, 3), await StoredAsync(seriesId));
        await AssertCountsMatchRowsAsync(seriesId);
    }

    private async Task<(int Done, int OnTime)> StoredAsync(Guid seriesId)
    {
        var series = await Api.WithDbAsync(db => db.Series.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == seriesId, Cancel));
        return (series.ActionsDone, series.ActionsDoneOnTime);
    }

    // Counted in memory from the rows, with the rule stated once more: completed on or before the due date (UTC).
    private async Task AssertCountsMatchRowsAsync(Guid seriesId)
    {
        var rows = await Api.WithDbAsync(db => db.ActionItems.IgnoreQueryFilters().AsNoTracking().Where(a => a.SeriesId == seriesId).ToListAsync(Cancel));
        var done = rows.Where(a => a.Status == ActionStatus.Done).ToList();
        var onTime = done.Count(a => a.DueDate is null || DateOnly.FromDateTime(a.CompletedUtc!.Value) <= a.DueDate);
        Assert.Equal((done.Count, onTime), await StoredAsync(seriesId));
    }
}

public sealed class SqliteActionTallyTests(SqliteApiFactory api) : ActionTallyTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresActionTallyTests(PostgresApiFactory api) : ActionTallyTests(api), IClassFixture<PostgresApiFactory>;
