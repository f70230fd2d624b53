using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Actions;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Data;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Notes;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Pane;

public abstract class PaneApiTests(ApiFactory api) : ProviderTests(api)
{
    private static object DemoEvent(Guid seriesId, DateTimeOffset start) => OneOnOnePair.Open(DemoData.EventIdOf(seriesId), start);

    private async Task<DateTimeOffset> NextDemoStartAsync(Guid seriesId) =>
        await Api.WithDbAsync(async db => new DateTimeOffset(await db.Meetings.IgnoreQueryFilters()
            .Where(m => m.SeriesId == seriesId).MaxAsync(m => m.StartUtc, Cancel), TimeSpan.Zero));

    [Fact]
    public async Task The_demo_manager_sees_the_next_demo_meeting_in_her_language_the_report_his_prompts_a_stranger_nothing()
    {
        var start = await NextDemoStartAsync(DemoData.EnglishSeriesId);
        var manager = Api.ClientFor(TestPerson.Demo(DemoData.Manager), "en");
        var report = Api.ClientFor(TestPerson.Demo(DemoData.EnglishReport), "nl");
        var stranger = Api.ClientFor(TestPerson.Demo(DemoData.Stranger));
        var otherTenant = Api.ClientFor(TestPerson.New());

        var resolved = await manager.PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", DemoEvent(DemoData.EnglishSeriesId, start));
        var managerPane = await manager.GetAsync<PaneResponse>($"/api/meetings/{resolved.MeetingId}/pane");
        var reportPane = await report.GetAsync<PaneResponse>($"/api/meetings/{resolved.MeetingId}/pane");

        Assert.False(resolved.Created);
        Assert.Equal(DemoData.EnglishSeriesId, resolved.SeriesId);
        Assert.Equal("nl", managerPane.Language);
        Assert.Equal("en", reportPane.Language);
        var carried = Assert.Single(managerPane.Agenda);
        Assert.True(carried.CarriedOver);
        Assert.Equal(2, managerPane.OpenActions.Length);
        Assert.Contains(managerPane.OpenActions, a => a.Overdue);
        Assert.Single(managerPane.ClosedInPreviousMeeting);
        Assert.Equal(3, managerPane.Health.MeetingsHeld);
        Assert.All(managerPane.Prompts, p => Assert.StartsWith("mgr.", p.Key, StringComparison.Ordinal));
        Assert.All(reportPane.Prompts, p => Assert.StartsWith("rep.", p.Key, StringComparison.Ordinal));
        Assert.Equal(OneOnOne.Api.Prompts.PromptLibrary.Find(managerPane.Prompts[0].Key)!.Nl, managerPane.Prompts[0].Text);
        Assert.Equal(OneOnOne.Api.Prompts.PromptLibrary.Find(reportPane.Prompts[0].Key)!.En, reportPane.Prompts[0].Text);
        var previousAsManager = await manager.GetAsync<MeetingNotesResponse>($"/api/meetings/{managerPane.PreviousMeeting!.Id}/notes");
        var previousAsReport = await report.GetAsync<MeetingNotesResponse>($"/api/meetings/{managerPane.PreviousMeeting!.Id}/notes");
        Assert.NotNull(previousAsManager.Private);
        Assert.Null(previousAsReport.Private);
        Assert.Equal(previousAsManager.Shared?.Text, previousAsReport.Shared?.Text);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/meetings/{resolved.MeetingId}/pane", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.GetAsync($"/api/meetings/{resolved.MeetingId}/pane", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_next_meeting_pane_is_the_callers_soonest_upcoming_meeting_and_nobody_elses()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(7));
        var elsewhere = await OneOnOnePair.CreateAsync(Api);
        var colleague = Api.ClientFor(TestPerson.New(pair.Manager.TenantId), "nl");

        var upcoming = await pair.ManagerClient.GetAsync<UpcomingMeetingResponse[]>("/api/meetings/upcoming");
        var managerNext = await pair.ManagerClient.GetAsync<PaneResponse>("/api/meetings/next/pane");
        var reportNext = await pair.ReportClient.GetAsync<PaneResponse>("/api/meetings/next/pane");
        var elsewhereNext = await elsewhere.ReportClient.GetAsync<PaneResponse>("/api/meetings/next/pane");
        var colleagueNext = await colleague.GetAsync("/api/meetings/next/pane", Cancel);

        Assert.Equal(pair.Meeting.MeetingId, upcoming[0].MeetingId);
        Assert.Equal(pair.Meeting.MeetingId, managerNext.Meeting.Id);
        Assert.Equal(ParticipantRole.Manager, managerNext.Meeting.MyRole);
        Assert.Equal(pair.Meeting.MeetingId, reportNext.Meeting.Id);
        Assert.Equal(ParticipantRole.Report, reportNext.Meeting.MyRole);
        Assert.Equal(elsewhere.Meeting.MeetingId, elsewhereNext.Meeting.Id);
        var problem = await Hosting.ProblemDetailsTests.AssertProblem(colleagueNext, HttpStatusCode.NotFound);
        Assert.Equal(OneOnOne.Api.Pane.PaneTexts.NoUpcomingMeeting.Nl, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_item_not_discussed_is_carried_over_until_it_is_and_never_copied()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var second = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(7));
        var third = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(14));
        var item = await pair.ReportClient.PostAsync<AgendaItemResponse>($"/api/meetings/{pair.Meeting.MeetingId}/agenda", new { text = "Workload" }, HttpStatusCode.Created);

        var inSecond = Assert.Single((await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{second.MeetingId}/pane")).Agenda);
        await pair.ManagerClient.PutAsync<AgendaItemResponse>($"/api/meetings/{second.MeetingId}/agenda/{item.Id}/discussed", new { discussed = true, version = inSecond.Version });
        var secondAfter = Assert.Single((await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{second.MeetingId}/pane")).Agenda);
        var thirdAfter = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{third.MeetingId}/pane");

        Assert.False(item.CarriedOver);
        Assert.True(inSecond.CarriedOver);
        Assert.Equal(OneOnOnePair.FirstStart, inSecond.CarriedOverFrom);
        Assert.True(secondAfter.Discussed);
        Assert.Empty(thirdAfter.Agenda);
        Assert.Equal(1, await Api.WithDbAsync(db => db.AgendaItems.IgnoreQueryFilters().CountAsync(a => a.SeriesId == pair.Meeting.SeriesId, Cancel)));
    }

    [Fact]
    public async Task Prompts_rotate_from_meeting_to_meeting_and_one_adds_to_the_agenda_in_one_call()
    {
        var pair = await OneOnOnePair.CreateAsync(Api, managerLanguage: "nl");
        var second = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(7));

        var first = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");
        var next = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{second.MeetingId}/pane");
        var added = await pair.ManagerClient.PostAsync<AgendaItemResponse>(
            $"/api/meetings/{pair.Meeting.MeetingId}/agenda/prompts", new { promptKey = first.Prompts[0].Key }, HttpStatusCode.Created);

        Assert.Equal(3, first.Prompts.Length);
        Assert.Empty(first.Prompts.Select(p => p.Key).Intersect(next.Prompts.Select(p => p.Key)));
        Assert.Equal(first.Prompts[0].Text, added.Text);
        Assert.Equal(first.Prompts[0].Key, added.PromptKey);
    }

    [Fact]
    public async Task Agenda_items_are_edited_and_deleted_by_their_author_and_reordered_by_either()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var url = $"/api/meetings/{pair.Meeting.MeetingId}/agenda";
        var mine = await pair.ManagerClient.PostAsync<AgendaItemResponse>(url, new { text = "Budget" }, HttpStatusCode.Created);
        var theirs = await pair.ReportClient.PostAsync<AgendaItemResponse>(url, new { text = "Holiday" }, HttpStatusCode.Created);

        var forbiddenEdit = await pair.ReportClient.SendJsonAsync(HttpMethod.Patch, $"{url}/{mine.Id}", new { text = "Hacked", version = mine.Version });
        var forbiddenDelete = await pair.ReportClient.SendJsonAsync(HttpMethod.Delete, $"{url}/{mine.Id}", null);
        var edited = await pair.ManagerClient.PatchAsync<AgendaItemResponse>($"{url}/{mine.Id}", new { text = "Budget 2031", version = mine.Version });
        var staleEdit = await pair.ManagerClient.SendJsonAsync(HttpMethod.Patch, $"{url}/{mine.Id}", new { text = "Again", version = mine.Version });
        var reordered = await pair.ReportClient.PutAsync<AgendaItemResponse[]>($"{url}/order", new { itemIds = new[] { theirs.Id, mine.Id } });
        var badOrder = await pair.ReportClient.SendJsonAsync(HttpMethod.Put, $"{url}/order", new { itemIds = new[] { theirs.Id } });
        var deleted = await pair.ReportClient.SendJsonAsync(HttpMethod.Delete, $"{url}/{theirs.Id}", null);
        var agenda = (await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane")).Agenda;

        Assert.Equal(HttpStatusCode.Forbidden, forbiddenEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenDelete.StatusCode);
        Assert.Equal("Budget 2031", edited.Text);
        Assert.Equal(HttpStatusCode.Conflict, staleEdit.StatusCode);
        Assert.Equal([theirs.Id, mine.Id], reordered.Select(i => i.Id));
        Assert.Equal(HttpStatusCode.BadRequest, badOrder.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("Budget 2031", Assert.Single(agenda).Text);
    }

    [Fact]
    public async Task Text_is_cleaned_limited_and_kept_as_text()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var url = $"/api/meetings/{pair.Meeting.MeetingId}/agenda";

        var script = await pair.ManagerClient.PostAsync<AgendaItemResponse>(url, new { text = "<script>alert('x')</script>\u0007 \ud83d\ude00 \u05e9\u05dc\u05d5\u05dd\u001b" }, HttpStatusCode.Created);
        var tooLong = await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, url, new { text = new string('a', Limits.AgendaText + 1) });
        var empty = await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, url, new { text = " \u0001 " });

        Assert.Equal("<script>alert('x')</script> \ud83d\ude00 \u05e9\u05dc\u05d5\u05dd", script.Text);
        var problem = await tooLong.ReadAsync<JsonElement>(HttpStatusCode.BadRequest);
        Assert.Contains("500", problem.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Actions_are_added_for_either_person_completed_in_a_meeting_and_reopened()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var second = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(7));
        var pane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");
        var reportId = pane.Participants.Single(p => p.Role == ParticipantRole.Report).Id;
        var url = $"/api/series/{pair.Meeting.SeriesId}/actions";

        var action = await pair.ManagerClient.PostAsync<ActionItemResponse>(url,
            new { text = "Draft the plan", ownerId = reportId, dueDate = "2030-03-08", meetingId = pair.Meeting.MeetingId }, HttpStatusCode.Created);
        var outsider = await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, url, new { text = "x", ownerId = Guid.NewGuid(), meetingId = pair.Meeting.MeetingId });
        var foreignMeeting = await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, url, new { text = "x", meetingId = Guid.NewGuid() });
        var inSecond = await pair.ReportClient.GetAsync<PaneResponse>($"/api/meetings/{second.MeetingId}/pane");
        var done = await pair.ReportClient.PostAsync<ActionItemResponse>($"/api/actions/{action.Id}/complete", new { meetingId = second.MeetingId, version = action.Version });
        var doneInSecond = await pair.ReportClient.GetAsync<PaneResponse>($"/api/meetings/{second.MeetingId}/pane");
        var reopened = await pair.ManagerClient.PostAsync<ActionItemResponse>($"/api/actions/{action.Id}/reopen", new { version = done.Version });
        var edited = await pair.ManagerClient.PatchAsync<ActionItemResponse>($"/api/actions/{action.Id}", new { clearDueDate = true, version = reopened.Version });
        var open = (await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{second.MeetingId}/pane")).OpenActions.Where(a => a.Status == ActionStatus.Open);

        Assert.Equal("Report Rik", action.OwnerName);
        Assert.Equal(HttpStatusCode.BadRequest, outsider.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignMeeting.StatusCode);
        Assert.Equal(action.Id, Assert.Single(inSecond.OpenActions).Id);
        Assert.Equal(ActionStatus.Done, done.Status);
        Assert.Equal(second.MeetingId, done.CompletedInMeetingId);
        Assert.Equal(ActionStatus.Done, Assert.Single(doneInSecond.OpenActions).Status);
        Assert.Equal(1, doneInSecond.Health.ActionsDone);
        Assert.Equal(ActionStatus.Open, reopened.Status);
        Assert.Null(reopened.CompletedInMeetingId);
        Assert.Null(edited.DueDate);
        Assert.Equal(action.Id, Assert.Single(open).Id);
    }

    [Fact]
    public async Task Concurrent_edits_of_the_shared_note_answer_409_with_the_current_text_and_private_notes_stay_private()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var notes = $"/api/meetings/{pair.Meeting.MeetingId}/notes";

        var managerFirst = await pair.ManagerClient.PutAsync<NoteResponse>($"{notes}/shared", new { text = "Agreed on A", version = (Guid?)null });
        var reportBlind = await pair.ReportClient.SendJsonAsync(HttpMethod.Put, $"{notes}/shared", new { text = "Agreed on B", version = (Guid?)null });
        var reportMerged = await pair.ReportClient.PutAsync<NoteResponse>($"{notes}/shared", new { text = "Agreed on A and B", version = managerFirst.Version });
        var managerStale = await pair.ManagerClient.SendJsonAsync(HttpMethod.Put, $"{notes}/shared", new { text = "Only A", version = managerFirst.Version });
        await pair.ManagerClient.PutAsync<NoteResponse>($"{notes}/private", new { text = "Manager's own thought", version = (Guid?)null });
        await pair.ReportClient.PutAsync<NoteResponse>($"{notes}/private", new { text = "Report's own thought", version = (Guid?)null });
        var managerView = await pair.ManagerClient.GetAsync<MeetingNotesResponse>(notes);
        var reportView = await pair.ReportClient.GetAsync<MeetingNotesResponse>(notes);

        var conflict = await reportBlind.ReadAsync<JsonElement>(HttpStatusCode.Conflict);
        Assert.Equal("Agreed on A", conflict.GetProperty("current").GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.Conflict, managerStale.StatusCode);
        Assert.Equal("Agreed on A and B", reportMerged.Text);
        Assert.Equal("Agreed on A and B", managerView.Shared?.Text);
        Assert.Equal("Manager's own thought", managerView.Private?.Text);
        Assert.Equal("Report's own thought", reportView.Private?.Text);
    }

    [Fact]
    public async Task The_goal_is_set_by_either_person_and_a_stale_version_conflicts()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var pane = await pair.ReportClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");

        var set = await pair.ReportClient.PutAsync<GoalResponse>($"/api/meetings/{pair.Meeting.MeetingId}/goal", new { goal = "Agree on my training budget", version = pane.Meeting.Version });
        var stale = await pair.ManagerClient.SendJsonAsync(HttpMethod.Put, $"/api/meetings/{pair.Meeting.MeetingId}/goal", new { goal = "Something else", version = pane.Meeting.Version });
        var after = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Agree on my training budget", after.Meeting.Goal);
        Assert.Equal(set.Version, after.Meeting.Version);
    }

    [Fact]
    public async Task A_meeting_lists_as_earlier_only_actions_agreed_before_it_in_the_pane_and_in_its_document()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var second = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(7));
        var third = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(14));
        var url = $"/api/series/{pair.Meeting.SeriesId}/actions";
        var agreedFirst = await pair.ManagerClient.PostAsync<ActionItemResponse>(url, new { text = "Agreed in the first", meetingId = pair.Meeting.MeetingId }, HttpStatusCode.Created);
        var agreedSecond = await pair.ManagerClient.PostAsync<ActionItemResponse>(url, new { text = "Agreed in the second", meetingId = second.MeetingId }, HttpStatusCode.Created);

        var firstPane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");
        var secondPane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{second.MeetingId}/pane");
        var thirdPane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{third.MeetingId}/pane");
        var firstDocument = await pair.ManagerClient.GetByteArrayAsync($"/api/meetings/{pair.Meeting.MeetingId}/notes.docx", Cancel);

        Assert.Empty(firstPane.OpenActions);
        Assert.Equal(agreedFirst.Id, Assert.Single(firstPane.NewActions).Id);
        Assert.Equal(agreedFirst.Id, Assert.Single(secondPane.OpenActions).Id);
        Assert.Equal(agreedSecond.Id, Assert.Single(secondPane.NewActions).Id);
        Assert.Equal(new[] { agreedFirst.Id, agreedSecond.Id }.Order(), thirdPane.OpenActions.Select(a => a.Id).Order());
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(firstDocument), isEditable: false);
        var text = document.MainDocumentPart!.Document!.InnerText;
        Assert.Contains("Agreed in the first", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Agreed in the second", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pane_makes_the_same_number_of_queries_for_3_and_for_300_past_meetings()
    {
        var small = await PairWithHistoryAsync(3);
        var large = await PairWithHistoryAsync(300);

        var smallCount = await CountPaneCommandsAsync(small);
        var largeCount = await CountPaneCommandsAsync(large);
        var largePane = await large.Client.GetAsync<PaneResponse>($"/api/meetings/{large.MeetingId}/pane");

        Assert.Equal(smallCount, largeCount);
        Assert.Equal(300, largePane.Health.MeetingsHeld);
        Assert.Equal(300, largePane.OpenActions.Length);
        Assert.Equal(300, largePane.Agenda.Length);
    }

    private async Task<int> CountPaneCommandsAsync((HttpClient Client, Guid MeetingId) pair)
    {
        await pair.Client.GetAsync<PaneResponse>($"/api/meetings/{pair.MeetingId}/pane");
        Api.Commands.Reset();
        await pair.Client.GetAsync<PaneResponse>($"/api/meetings/{pair.MeetingId}/pane");
        return Api.Commands.Count;
    }

    private async Task<(HttpClient Client, Guid MeetingId)> PairWithHistoryAsync(int pastMeetings)
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var upcoming = await pair.ResolveAsync(DateTimeOffset.UtcNow.AddDays(3));
        await Api.WithDbAsync(async db =>
        {
            var series = await db.Series.IgnoreQueryFilters().SingleAsync(s => s.Id == pair.Meeting.SeriesId, Cancel);
            var start = DateTime.UtcNow.Date.AddDays(-7 * (pastMeetings + 1)).AddHours(9);
            await db.Meetings.IgnoreQueryFilters().Where(m => m.Id == pair.Meeting.MeetingId).ExecuteDeleteAsync(Cancel);
            for (var i = 0; i < pastMeetings; i++)
            {
                var meeting = new Meeting { TenantId = series.TenantId, SeriesId = series.Id, StartUtc = start.AddDays(7 * i), EndUtc = start.AddDays(7 * i).AddMinutes(30) };
                db.Meetings.Add(meeting);
                db.AgendaItems.Add(new AgendaItem { TenantId = series.TenantId, SeriesId = series.Id, MeetingId = meeting.Id, AuthorId = series.ManagerId, Text = $"Point {i}", Position = i });
                db.AgendaItems.Add(new AgendaItem { TenantId = series.TenantId, SeriesId = series.Id, MeetingId = meeting.Id, AuthorId = series.ReportId, Text = $"Done {i}", DiscussedInMeetingId = meeting.Id });
                db.ActionItems.Add(new ActionItem { TenantId = series.TenantId, SeriesId = series.Id, CreatedInMeetingId = meeting.Id, OwnerId = series.ReportId, CreatedById = series.ManagerId, Text = $"Open {i}", DueDate = DateOnly.FromDateTime(meeting.StartUtc.AddDays(7)) });
                db.ActionItems.Add(new ActionItem { TenantId = series.TenantId, SeriesId = series.Id, CreatedInMeetingId = meeting.Id, OwnerId = series.ManagerId, CreatedById = series.ManagerId, Text = $"Closed {i}", Status = ActionStatus.Done, CompletedUtc = meeting.EndUtc, CompletedInMeetingId = meeting.Id });
                var note = Note.Shared(meeting, series.ManagerId);
                note.Text = $"Notes {i}";
                db.Notes.Add(note);
            }

            await db.SaveChangesAsync(Cancel);
            return 0;
        });
        return (pair.ManagerClient, upcoming.MeetingId);
    }
}

public sealed class SqlitePaneApiTests(SqliteApiFactory api) : PaneApiTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresPaneApiTests(PostgresApiFactory api) : PaneApiTests(api), IClassFixture<PostgresApiFactory>;
