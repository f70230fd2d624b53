using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;
using Endpoint = OneOnOne.Api.Tests.Meetings.AuthorizationMatrixTests.Endpoint;

namespace OneOnOne.Api.Tests.Privacy;

/// <summary>
/// Every write endpoint, sent what no client of ours sends: overlong text, wrong types and shapes, broken, huge and
/// deep JSON, other content types. Each answer is a 4xx problem (never a 500) and the database is unchanged. Control
/// characters are cleaned, not refused: there the answer is never a 500 and none reaches the database.
/// </summary>
public abstract class HostileInputTests(ApiFactory api) : ProviderTests(api)
{
    /// <summary>The authorization matrix's write endpoints, and the writes that are not about one 1-on-1.</summary>
    public static readonly Endpoint[] Writes =
    [
        .. AuthorizationMatrixTests.Endpoints.Where(e => e.Method != HttpMethod.Get && e.Method != HttpMethod.Delete),
        new("notes import", HttpMethod.Post, t => $"/api/meetings/{t.MeetingId}/notes/import", t => new
        {
            actions = new[] { new { id = (Guid?)null, text = "From Word", ownerEmailOrName = t.Pair.Manager.Email } },
            sharedNotes = "From Word",
            sharedNotesBaseline = "Both see this",
        }, HttpStatusCode.OK),
        new("language", HttpMethod.Put, _ => "/api/me/language", _ => new { language = "nl" }, HttpStatusCode.OK),
        new("mail preferences", HttpMethod.Put, _ => "/api/me/mail-preferences", _ => new { recaps = true, reminders = false, digests = true }, HttpStatusCode.OK),
    ];

    public static TheoryData<string> WriteNames => new(Writes.Select(e => e.Name));

    private const string ControlCharacters = "\u0000\u0007\u001b[2J\u000b\ud800";

    [Theory]
    [MemberData(nameof(WriteNames))]
    public async Task Hostile_bodies_are_refused_with_a_problem_and_change_nothing(string name)
    {
        var endpoint = Writes.Single(e => e.Name == name);
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var client = target.Pair.ManagerClient;
        var url = endpoint.Url(target);
        var valid = System.Text.Json.JsonSerializer.Serialize(endpoint.Body(target), Json.Options);
        var before = await PrivacyScenario.SnapshotAsync(Api, target.Pair.Manager.TenantId);

        foreach (var (variant, content) in HostileBodies(JsonNode.Parse(valid)!))
        {
            var answer = await PrivacyScenario.SendAsync(client, endpoint.Method, url, content);

            Assert.True((int)answer.Status is >= 400 and < 500, $"{name}, {variant}: {(int)answer.Status} {Shorten(answer.Body)}");
            Assert.True(answer.ContentType == "application/problem+json", $"{name}, {variant}: {answer.ContentType} {Shorten(answer.Body)}");
            Assert.True(before == await PrivacyScenario.SnapshotAsync(Api, target.Pair.Manager.TenantId), $"{name}, {variant} changed the database");
        }
    }

    [Theory]
    [MemberData(nameof(WriteNames))]
    public async Task Control_characters_never_cause_a_server_error_nor_reach_the_database(string name)
    {
        var endpoint = Writes.Single(e => e.Name == name);
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var valid = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(endpoint.Body(target), Json.Options))!;

        var answer = await PrivacyScenario.SendAsync(
            target.Pair.ManagerClient, endpoint.Method, endpoint.Url(target),
            PrivacyScenario.JsonBody(MapFreeText(valid, s => JsonValue.Create(ControlCharacters + s + ControlCharacters))!.ToJsonString()));

        Assert.True((int)answer.Status < 500, $"{name}: {(int)answer.Status} {answer.Body}");
        var texts = await Api.WithDbAsync(async db => string.Concat(
            string.Concat(await db.AgendaItems.IgnoreQueryFilters().Where(a => a.TenantId == target.Pair.Manager.TenantId).Select(a => a.Text).ToListAsync(Cancel)),
            string.Concat(await db.ActionItems.IgnoreQueryFilters().Where(a => a.TenantId == target.Pair.Manager.TenantId).Select(a => a.Text).ToListAsync(Cancel)),
            string.Concat(await db.Notes.IgnoreQueryFilters().Where(n => n.TenantId == target.Pair.Manager.TenantId).Select(n => n.Text).ToListAsync(Cancel)),
            string.Concat(await db.Meetings.IgnoreQueryFilters().Where(m => m.TenantId == target.Pair.Manager.TenantId).Select(m => m.Subject + m.Goal).ToListAsync(Cancel)),
            string.Concat(await db.People.IgnoreQueryFilters().Where(p => p.TenantId == target.Pair.Manager.TenantId).Select(p => p.DisplayName + p.Email + p.Language).ToListAsync(Cancel))));
        Assert.DoesNotContain(texts, c => char.IsControl(c) && c is not ('\n' or '\t'));
        Assert.DoesNotContain(texts, char.IsSurrogate);
    }

    [Fact]
    public async Task A_hostile_upload_is_refused_with_a_problem_and_changes_nothing()
    {
        var target = await PrivacyScenario.CreateTargetAsync(Api);
        var url = $"/api/meetings/{target.MeetingId}/notes.docx";
        var before = await PrivacyScenario.SnapshotAsync(Api, target.Pair.Manager.TenantId);
        var garbage = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("not a zip at all")), "file", "notes.docx" } };
        var notAFile = PrivacyScenario.JsonBody("{\"file\":\"notes.docx\"}");

        foreach (var (variant, content) in new (string, HttpContent)[] { ("garbage", garbage), ("json", notAFile) })
        {
            var answer = await PrivacyScenario.SendAsync(target.Pair.ManagerClient, HttpMethod.Post, url, content);

            Assert.True((int)answer.Status is >= 400 and < 500, $"{variant}: {(int)answer.Status} {answer.Body}");
            Assert.Equal("application/problem+json", answer.ContentType);
        }

        Assert.Equal(before, await PrivacyScenario.SnapshotAsync(Api, target.Pair.Manager.TenantId));
    }

    private static IEnumerable<(string Variant, HttpContent Content)> HostileBodies(JsonNode valid)
    {
        var json = valid.ToJsonString();
        if (HasFreeText(valid))
        {
            yield return ("overlong text", PrivacyScenario.JsonBody(MapFreeText(valid, _ => JsonValue.Create(new string('x', 100_000)))!.ToJsonString()));
        }

        yield return ("wrong types", PrivacyScenario.JsonBody(MapLeaves(valid, v => v.GetValueKind() == System.Text.Json.JsonValueKind.String ? JsonValue.Create(12345) : JsonValue.Create("text"))!.ToJsonString()));
        yield return ("no fields", PrivacyScenario.JsonBody("{}"));
        if (valid is JsonObject { Count: > 0 } fields)
        {
            var (first, value) = fields.First();
            yield return ("a field twice", PrivacyScenario.JsonBody($"{{\"{first}\":{value?.ToJsonString() ?? "null"},{json[1..]}"));
        }

        if (HasArray(valid))
        {
            yield return ("null entries", PrivacyScenario.JsonBody(MapArrays(valid, _ => new JsonArray((JsonNode?)null))!.ToJsonString()));
        }

        yield return ("invalid UTF-8", new ByteArrayContent([.. Encoding.UTF8.GetBytes(json[..^1] + ",\"padding\":\""), 0xC3, 0x28, 0xFF, .. "\"}"u8])
        {
            Headers = { ContentType = new("application/json") },
        });
        yield return ("an array", PrivacyScenario.JsonBody("[1, 2, 3]"));
        yield return ("a string", PrivacyScenario.JsonBody("\"text\""));
        yield return ("null", PrivacyScenario.JsonBody("null"));
        yield return ("broken JSON", PrivacyScenario.JsonBody(json[..^1]));
        yield return ("no body", PrivacyScenario.JsonBody(""));
        var huge = $"{{\"padding\":\"{new string('x', 2 * 1024 * 1024)}\",{json[1..]}";
        yield return ("huge JSON", PrivacyScenario.JsonBody(huge));
        yield return ("huge JSON, chunked", new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(huge))) { Headers = { ContentType = new("application/json") } });
        // Deeper than the API allows (32) but within System.Text.Json's default (64): only the configured limit refuses it.
        yield return ("deep JSON", PrivacyScenario.JsonBody($"{{\"padding\":{new string('[', 48)}{new string(']', 48)},{json[1..]}"));
        yield return ("very deep JSON", PrivacyScenario.JsonBody($"{{\"padding\":{new string('[', 100_000)}{new string(']', 100_000)},{json[1..]}"));
        yield return ("text/plain", PrivacyScenario.JsonBody(json, "text/plain"));
        yield return ("form", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x" }));
        yield return ("XML", PrivacyScenario.JsonBody("<text>x</text>", "application/xml"));
    }

    private static bool IsStructured(string value) => Guid.TryParse(value, out _) || DateTimeOffset.TryParse(value, out _);

    private static bool HasFreeText(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => HasFreeText(p.Value)),
        JsonArray a => a.Any(HasFreeText),
        JsonValue v => v.TryGetValue<string>(out var s) && !IsStructured(s),
        _ => false,
    };

    /// <summary>Replaces the strings that are free text (not ids, versions or times), keeping the rest valid.</summary>
    private static JsonNode? MapFreeText(JsonNode? node, Func<string, JsonNode?> replace) =>
        MapLeaves(node, v => v.TryGetValue<string>(out var s) && !IsStructured(s) ? replace(s) : v.DeepClone());

    private static bool HasArray(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => HasArray(p.Value)),
        JsonArray => true,
        _ => false,
    };

    private static JsonNode? MapArrays(JsonNode? node, Func<JsonArray, JsonNode?> replace) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, MapArrays(p.Value, replace)))),
        JsonArray a => replace(a),
        _ => node?.DeepClone(),
    };

    private static JsonNode? MapLeaves(JsonNode? node, Func<JsonValue, JsonNode?> leaf) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, MapLeaves(p.Value, leaf)))),
        JsonArray a => new JsonArray(a.Select(x => MapLeaves(x, leaf)).ToArray()),
        JsonValue v => leaf(v),
        _ => null,
    };

    private static string Shorten(string text) => text.Length <= 500 ? text : text[..500];

    /// <summary>A body whose length the client cannot tell, so it is sent chunked, without a Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

public sealed class SqliteHostileInputTests(SqliteApiFactory api) : HostileInputTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresHostileInputTests(PostgresApiFactory api) : HostileInputTests(api), IClassFixture<PostgresApiFactory>;
