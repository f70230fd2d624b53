using System.Net;
using System.Text;
using System.Text.Json;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Hosting;

/// <summary>
/// A body the API cannot take says which field is wrong and how, in the caller's language, and changes nothing (every
/// endpoint's bodies are refused the same way in HostileInputTests; here what the answer says).
/// </summary>
public sealed class RequestBodyTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record Problem(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors);

    private static async Task<Problem> SendAsync(HttpClient client, HttpMethod method, string url, string json)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url} {json}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<Problem>(body, Json.Options)!;
    }

    private static string[] ErrorsOf(Problem problem, string field)
    {
        Assert.True(problem.Errors?.ContainsKey(field) == true, $"No error for '{field}': {JsonSerializer.Serialize(problem)}");
        return problem.Errors![field];
    }

    [Fact]
    public async Task A_missing_required_field_is_named_and_nothing_is_turned_off()
    {
        var pair = await OneOnOnePair.CreateAsync(api);

        var preferences = await SendAsync(pair.ManagerClient, HttpMethod.Put, "/api/me/mail-preferences", "{}");
        var language = await SendAsync(pair.ManagerClient, HttpMethod.Put, "/api/me/language", "{}");
        var partly = await SendAsync(pair.ManagerClient, HttpMethod.Put, "/api/me/mail-preferences", """{"recaps":false}""");
        var goal = await SendAsync(pair.ManagerClient, HttpMethod.Put, $"/api/meetings/{pair.Meeting.MeetingId}/goal", """{"goal":"Without a version"}""");

        Assert.Equal(["digests", "recaps", "reminders"], preferences.Errors!.Keys.Order());
        Assert.Equal("This field is required.", Assert.Single(ErrorsOf(preferences, "recaps")));
        Assert.Equal("Some fields need attention", preferences.Title);
        Assert.Null(preferences.Detail);
        Assert.Equal("This field is required.", Assert.Single(ErrorsOf(language, "language")));
        Assert.Equal(["digests", "reminders"], partly.Errors!.Keys.Order());
        Assert.Equal("This field is required.", Assert.Single(ErrorsOf(goal, "version")));
        Assert.Equal(new MailPreferences(true, true, true), await pair.ManagerClient.GetAsync<MailPreferences>("/api/me/mail-preferences"));
    }

    [Fact]
    public async Task A_wrong_value_names_its_field_and_what_it_must_be_in_the_callers_language()
    {
        var pair = await OneOnOnePair.CreateAsync(api, managerLanguage: "nl");
        await pair.ManagerClient.PutAsync<MeResponse>("/api/me/language", new { language = "nl" });
        var meeting = $"/api/meetings/{pair.Meeting.MeetingId}";

        var order = await SendAsync(pair.ManagerClient, HttpMethod.Put, $"{meeting}/agenda/order", """{"itemIds":["not-an-id"]}""");
        var row = await SendAsync(pair.ReportClient, HttpMethod.Post, $"{meeting}/notes/import", """{"actions":[{"text":"Call","id":"row-7"}]}""");
        var status = await SendAsync(pair.ReportClient, HttpMethod.Post, $"{meeting}/notes/import", """{"actions":[{"text":"Call","status":"Maybe"}]}""");
        var due = await SendAsync(pair.ReportClient, HttpMethod.Post, $"{meeting}/notes/import", """{"actions":[{"text":"Call","dueDate":"next week"}]}""");

        Assert.Equal("Dit moet een id zijn (een GUID).", Assert.Single(ErrorsOf(order, "itemIds[0]")));
        Assert.Equal("Sommige velden hebben aandacht nodig", order.Title);
        Assert.Equal("This must be an id (a GUID).", Assert.Single(ErrorsOf(row, "actions[0].id")));
        Assert.Equal("This must be one of: Open, Done.", Assert.Single(ErrorsOf(status, "actions[0].status")));
        Assert.Equal("This must be a date (yyyy-mm-dd).", Assert.Single(ErrorsOf(due, "actions[0].dueDate")));
    }

    [Fact]
    public async Task Null_entries_duplicate_fields_and_text_that_is_not_UTF8_are_refused()
    {
        var pair = await OneOnOnePair.CreateAsync(api);
        var meeting = $"/api/meetings/{pair.Meeting.MeetingId}";

        var nullEntry = await SendAsync(pair.ManagerClient, HttpMethod.Post, $"{meeting}/notes/import", """{"actions":[{"text":"Call"},null]}""");
        var nullRequired = await SendAsync(pair.ManagerClient, HttpMethod.Put, "/api/me/mail-preferences", """{"recaps":null,"reminders":true,"digests":true}""");
        var twice = await SendAsync(pair.ManagerClient, HttpMethod.Post, $"{meeting}/agenda", """{"text":"First","text":"Second"}""");
        var response = await pair.ManagerClient.PostAsync(
            $"{meeting}/agenda", new ByteArrayContent([.. """{"text":"Caf"""u8, 0xE9, .. "\"}"u8]) { Headers = { ContentType = new("application/json") } }, Cancel);

        Assert.Equal("This list may not hold empty (null) entries.", Assert.Single(ErrorsOf(nullEntry, "actions[1]")));
        Assert.Contains("recaps", nullRequired.Errors!.Keys);
        Assert.Equal("This field appears more than once.", Assert.Single(ErrorsOf(twice, "text")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid UTF-8", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var pane = await pair.ManagerClient.GetAsync<OneOnOne.Api.Pane.PaneResponse>($"{meeting}/pane");
        Assert.Empty(pane.Agenda);
    }
}
