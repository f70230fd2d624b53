using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Guide;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Prompts;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Guide;

/// <summary>
/// The organisation's conversation guide through its admin API: versions, conflicts, history, restore, export and
/// import, what it refuses, who may use it, and how the panes use what an admin saved.
/// </summary>
public abstract class GuideTests(ApiFactory api) : ProviderTests(api)
{
    private const string AdminRole = "OneOnOne.Admin";

    private HttpClient AdminOf(string tenantId, string name = "Noor HR")
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Api.Tokens.For(TestPerson.New(tenantId, name), roles: AdminRole));
        return client;
    }

    private static GuidePrompt Prompt(string key, PromptAudience audience, string text, PromptMoment when = PromptMoment.Regular, int? every = null, PromptTheme theme = PromptTheme.Preparation) =>
        new(key, theme, audience, when, new GuideText($"{text} (nl)", $"{text} (en)"), every);

    private static ConversationGuide Small(params GuidePrompt[] prompts) => new(
        prompts,
        [new AgendaTemplate("regular", new GuideText("Regulier", "Regular"), [new GuideText("Hoe gaat het echt?", "How are you really doing?"), new GuideText("Blokkades", "Blockers")])],
        new GuideDefaults(24, 15));

    [Fact]
    public async Task An_admin_starts_from_the_built_in_guide_saves_versions_sees_the_history_restores_and_two_saves_at_once_conflict()
    {
        var tenant = Guid.NewGuid().ToString();
        var admin = AdminOf(tenant);
        var builtIn = await admin.GetAsync<GuideResponse>("/api/admin/guide");
        Assert.Equal((0, true), (builtIn.Version, builtIn.BuiltIn));
        Assert.Equal(PromptLibrary.All.Count, builtIn.Guide.Prompts.Count);

        var first = builtIn.Guide with { Prompts = [.. builtIn.Guide.Prompts.Skip(1), Prompt("first-time", PromptAudience.Both, "Welcome", PromptMoment.FirstMeeting)] };
        var v1 = await admin.PutAsync<GuideResponse>("/api/admin/guide", new SaveGuideRequest(0, first));
        Assert.Equal((1, false, "Noor HR"), (v1.Version, v1.BuiltIn, v1.ChangedBy));

        // A second admin who also started from the built-in guide is told someone was first, and given their version.
        var late = await AdminOf(tenant, "Other admin").SendJsonAsync(HttpMethod.Put, "/api/admin/guide", new SaveGuideRequest(0, builtIn.Guide));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var problem = JsonNode.Parse(await late.Content.ReadAsStringAsync(Cancel))!;
        Assert.Equal(1, problem["current"]!["version"]!.GetValue<int>());

        var second = v1.Guide with { Defaults = new GuideDefaults(48, 30) };
        var v2 = await admin.PutAsync<GuideResponse>("/api/admin/guide", new SaveGuideRequest(1, second));
        var history = await admin.GetAsync<List<GuideVersionResponse>>("/api/admin/guide/versions");
        Assert.Equal([2, 1], history.Select(h => h.Version));
        Assert.Equal(new GuideChange(1, 0, 1, 0, 0, 0, false), history[1].Change);
        Assert.True(history[0].Change.DefaultsChanged);

        var v3 = await admin.PostAsync<GuideResponse>("/api/admin/guide/versions/1/restore", new RestoreGuideRequest(2));
        Assert.Equal(3, v3.Version);
        Assert.Equal(Json(v1.Guide), Json(v3.Guide));
        Assert.Equal(1, (await admin.GetAsync<List<GuideVersionResponse>>("/api/admin/guide/versions"))[0].Change.RestoredFrom);
        Assert.Equal(Json(v2.Guide), Json((await admin.GetAsync<GuideResponse>("/api/admin/guide/versions/2")).Guide));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/admin/guide/versions/9/restore", JsonBody(new RestoreGuideRequest(3)), Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_exported_guide_imports_into_another_tenant_unchanged()
    {
        var admin = AdminOf(Guid.NewGuid().ToString());
        var saved = await admin.PutAsync<GuideResponse>("/api/admin/guide", new SaveGuideRequest(0, Small(Prompt("only", PromptAudience.Both, "Only prompt"))));
        using var export = await admin.GetAsync("/api/admin/guide/export", Cancel);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("oneonone-guide-v1.json", export.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var file = await export.Content.ReadAsStringAsync(Cancel);

        var elsewhere = AdminOf(Guid.NewGuid().ToString());
        using var imported = await elsewhere.PostAsync("/api/admin/guide/import?version=0", new StringContent(file, Encoding.UTF8, "application/json"), Cancel);
        var answer = await imported.ReadAsync<GuideResponse>();
        Assert.Equal(1, answer.Version);
        Assert.Equal(Json(saved.Guide), Json(answer.Guide));
        Assert.True((await elsewhere.GetAsync<List<GuideVersionResponse>>("/api/admin/guide/versions"))[0].Change.Imported);
    }

    public static TheoryData<string, string, string> BadGuides => new()
    {
        // name, what is sent (a guide's JSON with one thing wrong), the field the answer names
        { "missing Dutch", """{"key":"a","theme":"Preparation","for":"Both","when":"Regular","text":{"nl":"  ","en":"Hello"}}""", "guide.prompts[0].text.nl" },
        { "overlong text", """{"key":"a","theme":"Preparation","for":"Both","when":"Regular","text":{"nl":"X","en":"Hello"}}""".Replace("\"X\"", $"\"{new string('x', 301)}\"", StringComparison.Ordinal), "guide.prompts[0].text.nl" },
        { "bad key", """{"key":"Not A Key!","theme":"Preparation","for":"Both","when":"Regular","text":{"nl":"Hoi","en":"Hello"}}""", "guide.prompts[0].key" },
        { "every missing", """{"key":"a","theme":"Preparation","for":"Both","when":"EveryNthMeeting","text":{"nl":"Hoi","en":"Hello"}}""", "guide.prompts[0].every" },
        { "every where it does not belong", """{"key":"a","theme":"Preparation","for":"Both","when":"Regular","every":3,"text":{"nl":"Hoi","en":"Hello"}}""", "guide.prompts[0].every" },
        { "unknown theme", """{"key":"a","theme":"Gossip","for":"Both","when":"Regular","text":{"nl":"Hoi","en":"Hello"}}""", "theme" },
        { "unknown role", """{"key":"a","theme":"Preparation","for":"Everyone","when":"Regular","text":{"nl":"Hoi","en":"Hello"}}""", "for" },
        { "no English at all", """{"key":"a","theme":"Preparation","for":"Both","when":"Regular","text":{"nl":"Hoi"}}""", "en" },
    };

    [Theory]
    [MemberData(nameof(BadGuides))]
    public async Task A_guide_with_a_bad_entry_is_refused_naming_the_entry_and_nothing_is_saved(string name, string prompt, string field)
    {
        _ = name;
        var admin = AdminOf(Guid.NewGuid().ToString());
        const string rest = """],"templates":[],"defaults":{"reminderLeadHours":24,"recapDelayMinutes":15}}""";
        var body = """{"version":0,"guide":{"prompts":[""" + prompt + rest + "}";
        using var answer = await admin.PutAsync("/api/admin/guide", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var errors = JsonNode.Parse(await answer.Content.ReadAsStringAsync(Cancel))!["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.EndsWith(field, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, (await admin.GetAsync<GuideResponse>("/api/admin/guide")).Version);

        // The same entry in an import file: the same refusal.
        var file = """{"format":"oneonone-guide/1","guide":{"prompts":[""" + prompt + rest + "}";
        using var import = await admin.PostAsync("/api/admin/guide/import?version=0", new StringContent(file, Encoding.UTF8, "application/json"), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Equal(0, (await admin.GetAsync<GuideResponse>("/api/admin/guide")).Version);
    }

    [Fact]
    public async Task Hostile_or_foreign_import_files_and_out_of_bounds_defaults_are_refused_clearly()
    {
        var admin = AdminOf(Guid.NewGuid().ToString());
        var defaults = Small(Prompt("a", PromptAudience.Both, "A")) with { Defaults = new GuideDefaults(500, -1) };
        using var bounds = await admin.SendJsonAsync(HttpMethod.Put, "/api/admin/guide", new SaveGuideRequest(0, defaults));
        var errors = JsonNode.Parse(await bounds.Content.ReadAsStringAsync(Cancel))!["errors"]!.AsObject();
        Assert.Contains("guide.defaults.reminderLeadHours", errors.Select(e => e.Key));
        Assert.Contains("guide.defaults.recapDelayMinutes", errors.Select(e => e.Key));

        var duplicate = Small(Prompt("same", PromptAudience.Both, "A"), Prompt("same", PromptAudience.Both, "B"));
        using var twice = await admin.SendJsonAsync(HttpMethod.Put, "/api/admin/guide", new SaveGuideRequest(0, duplicate));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);

        foreach (var file in new[]
        {
            """{"format":"something-else/9","guide":{"prompts":[],"templates":[],"defaults":{"reminderLeadHours":24,"recapDelayMinutes":15}}}""",
            "not json at all",
            string.Concat(Enumerable.Repeat("[", 200)),
            """{"format":"oneonone-guide/1"}""",
        })
        {
            using var answer = await admin.PostAsync("/api/admin/guide/import?version=0", new StringContent(file, Encoding.UTF8, "application/json"), Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(0, (await admin.GetAsync<GuideResponse>("/api/admin/guide")).Version);
    }

    [Fact]
    public async Task Only_admins_reach_the_guide_and_an_admin_reaches_no_1_on_1_of_others()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var admin = AdminOf(pair.Manager.TenantId);
        string[] adminUrls = ["/api/admin/guide", "/api/admin/guide/versions", "/api/admin/guide/versions/1", "/api/admin/guide/export"];
        foreach (var url in adminUrls)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await pair.ManagerClient.GetAsync(url, Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await pair.ManagerClient.SendJsonAsync(HttpMethod.Put, "/api/admin/guide", new SaveGuideRequest(0, Small()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, "/api/admin/guide/versions/1/restore", new RestoreGuideRequest(0))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await pair.ManagerClient.SendJsonAsync(HttpMethod.Post, "/api/admin/guide/import?version=0", new GuideFile(GuideFile.CurrentFormat, Small()))).StatusCode);

        // The admin role opens nothing of a 1-on-1 (the full matrix: AuthorizationMatrixTests).
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/meetings/{pair.Meeting.MeetingId}/pane", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SendJsonAsync(HttpMethod.Put, $"/api/series/{pair.Meeting.SeriesId}/template", new { templateKey = (string?)null, version = Guid.NewGuid() })).StatusCode);
    }

    [Fact]
    public async Task The_pane_and_the_agenda_use_the_tenants_prompts_and_another_tenant_keeps_the_built_in_ones()
    {
        var pair = await OneOnOnePair.CreateAsync(Api);
        var other = await OneOnOnePair.CreateAsync(Api);
        var admin = AdminOf(pair.Manager.TenantId);
        await admin.PutAsync<GuideResponse>("/api/admin/guide", new SaveGuideRequest(0, Small(
            Prompt("mgr.own", PromptAudience.Manager, "Our manager question", theme: PromptTheme.Listening),
            Prompt("rep.own", PromptAudience.Report, "Our report question", theme: PromptTheme.Goals),
            Prompt("first", PromptAudience.Both, "Our first-meeting question", PromptMoment.FirstMeeting))));

        var managerPane = await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");
        Assert.Equal(["first", "mgr.own"], managerPane.Prompts.Select(p => p.Key));
        Assert.Equal("Our manager question (en)", managerPane.Prompts[1].Text);
        var reportPane = await pair.ReportClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");
        Assert.Equal(["first", "rep.own"], reportPane.Prompts.Select(p => p.Key));
        Assert.Equal("regular", Assert.Single(managerPane.Templates).Key);

        var added = await pair.ManagerClient.PostAsync<AgendaItemResponse>(
            $"/api/meetings/{pair.Meeting.MeetingId}/agenda/prompts", new { promptKey = "mgr.own" }, HttpStatusCode.Created);
        Assert.Equal("Our manager question (en)", added.Text);

        var elsewhere = await other.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{other.Meeting.MeetingId}/pane");
        Assert.All(elsewhere.Prompts, p => Assert.NotNull(PromptLibrary.Find(p.Key)));
        Assert.Empty(elsewhere.Templates);
    }

    [Fact]
    public async Task A_templates_standing_items_go_on_upcoming_and_new_meetings_once_each_in_the_managers_language()
    {
        var pair = await OneOnOnePair.CreateAsync(Api, managerLanguage: "nl");
        var admin = AdminOf(pair.Manager.TenantId);
        await admin.PutAsync<GuideResponse>("/api/admin/guide", new SaveGuideRequest(0, Small(Prompt("a", PromptAudience.Both, "A"))));
        await pair.ManagerClient.PutAsync<object>("/api/me/language", new { language = "nl" });
        var over = await pair.ResolveAsync(DateTimeOffset.UtcNow.AddDays(-7));

        var pane = await pair.ReportClient.GetAsync<PaneResponse>($"/api/meetings/{pair.Meeting.MeetingId}/pane");
        using var unknown = await pair.ReportClient.SendJsonAsync(HttpMethod.Put, $"/api/series/{pair.Meeting.SeriesId}/template", new { templateKey = "nope", version = pane.Meeting.SeriesVersion });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var chosen = await pair.ReportClient.PutAsync<SeriesTemplateResponse>(
            $"/api/series/{pair.Meeting.SeriesId}/template", new { templateKey = "regular", version = pane.Meeting.SeriesVersion });
        Assert.Equal("regular", chosen.TemplateKey);

        async Task<string[]> AgendaOf(Guid meetingId) =>
            (await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{meetingId}/pane")).Agenda.Select(a => a.Text).ToArray();

        // The upcoming meeting gets them at once; a meeting created later gets its own, none carried over from the
        // one before; the meeting that is over keeps its agenda.
        string[] standing = ["Hoe gaat het echt?", "Blokkades"];
        Assert.Equal(standing, await AgendaOf(pair.Meeting.MeetingId));
        var later = await pair.ResolveAsync(OneOnOnePair.FirstStart.AddDays(3));
        Assert.Equal(standing, await AgendaOf(later.MeetingId));
        Assert.Empty(await AgendaOf(over.MeetingId));
        Assert.Equal("regular", (await pair.ManagerClient.GetAsync<PaneResponse>($"/api/meetings/{later.MeetingId}/pane")).TemplateKey);

        // No template any more: the upcoming meetings lose the standing items nobody discussed yet.
        await pair.ManagerClient.PutAsync<SeriesTemplateResponse>($"/api/series/{pair.Meeting.SeriesId}/template", new { templateKey = (string?)null, version = chosen.Version });
        Assert.Empty(await AgendaOf(pair.Meeting.MeetingId));
        Assert.Empty(await AgendaOf(later.MeetingId));
    }

    [Fact]
    public async Task An_erased_admin_is_no_longer_named_in_the_history()
    {
        var tenant = Guid.NewGuid().ToString();
        var admin = AdminOf(tenant, "Leaving Admin");
        await admin.PutAsync<GuideResponse>("/api/admin/guide", new SaveGuideRequest(0, Small(Prompt("a", PromptAudience.Both, "A"))));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/me", Cancel)).StatusCode);

        var successor = AdminOf(tenant, "Successor");
        var version = Assert.Single(await successor.GetAsync<List<GuideVersionResponse>>("/api/admin/guide/versions"));
        Assert.Equal(OneOnOne.Api.Privacy.PrivacyTexts.FormerParticipantName, version.ChangedBy);
    }

    private static string Json(ConversationGuide guide) => JsonSerializer.Serialize(guide, TenantGuides.Json);

    private static StringContent JsonBody(object body) => new(JsonSerializer.Serialize(body, Infrastructure.Json.Options), Encoding.UTF8, "application/json");
}

public sealed class SqliteGuideTests(SqliteApiFactory api) : GuideTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresGuideTests(PostgresApiFactory api) : GuideTests(api), IClassFixture<PostgresApiFactory>;
