using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Calendar;

/// <summary>
/// A Microsoft Graph on 127.0.0.1 that holds a directory and mailboxes, and answers the requests the Graph SDK sends
/// (users by filter or id, events by id or iCalUId, a series' instances) the way Graph does, 404s included. Mailboxes are
/// separate: the organizer's and the attendee's copy of an event have different ids and the same iCalUId.
/// </summary>
public sealed class GraphWorld : IAsyncDisposable
{
    public const string DelegatedToken = "delegated-token";
    public const string ApplicationToken = "application-token";

    private GraphWorld(HttpStub stub) => Stub = stub;

    public HttpStub Stub { get; }

    public string BaseUrl => $"{Stub.BaseUrl}/v1.0";

    public ConcurrentDictionary<string, JsonObject> Users { get; } = new();

    /// <summary>Events by (mailbox owner's object id, event id).</summary>
    public ConcurrentDictionary<(string Owner, string Id), JsonObject> Events { get; } = new();

    /// <summary>Change-notification subscriptions by id, as the SDK created them (the request body as Graph received it).</summary>
    public ConcurrentDictionary<string, JsonObject> Subscriptions { get; } = new();

    /// <summary>A fault to answer instead, when it returns one (throttling, an outage, a slow answer).</summary>
    public Func<HttpStub.Recorded, IResult?> Fault { get; set; } = _ => null;

    public static async Task<GraphWorld> StartAsync()
    {
        var world = new GraphWorld(await HttpStub.StartAsync());
        world.Stub.Respond = (request, _) => world.Fault(request) ?? world.Answer(request);
        return world;
    }

    public void AddUser(string objectId, string displayName, string mail, string userType = "Member", bool accountEnabled = true) =>
        Users[objectId] = new JsonObject
        {
            ["id"] = objectId, ["displayName"] = displayName, ["mail"] = mail, ["userPrincipalName"] = mail, ["userType"] = userType, ["accountEnabled"] = accountEnabled,
        };

    public static JsonObject Event(
        string id, string type, string? seriesMasterId, string iCalUId, DateTime start, DateTime? originalStart, (string Name, string Address) organizer,
        params (string Name, string Address)[] attendees) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["seriesMasterId"] = seriesMasterId,
        ["iCalUId"] = iCalUId,
        ["subject"] = "1:1",
        ["isCancelled"] = false,
        ["start"] = new JsonObject { ["dateTime"] = start.ToString("yyyy-MM-ddTHH:mm:ss.0000000"), ["timeZone"] = "UTC" },
        ["end"] = new JsonObject { ["dateTime"] = start.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm:ss.0000000"), ["timeZone"] = "UTC" },
        ["originalStart"] = originalStart?.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        ["organizer"] = Address(organizer),
        ["attendees"] = new JsonArray(attendees.Select(a => (JsonNode)new JsonObject { ["type"] = "required", ["emailAddress"] = Address(a)["emailAddress"]!.DeepClone() }).ToArray()),
    };

    private static JsonObject Address((string Name, string Address) person) =>
        new() { ["emailAddress"] = new JsonObject { ["name"] = person.Name, ["address"] = person.Address } };

    private IResult Answer(HttpStub.Recorded request)
    {
        var question = request.Path.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(question < 0 ? request.Path : request.Path[..question]);
        var query = QueryHelpers.ParseQuery(question < 0 ? "" : request.Path[question..]);
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["v1.0", "subscriptions", ..])
        {
            return AnswerSubscriptions(request, parts);
        }

        if (request.Method != "GET" || parts is not ["v1.0", "users", ..])
        {
            return Error(StatusCodes.Status400BadRequest, "BadRequest");
        }

        switch (parts.Length)
        {
            case 2:
                var filter = query["$filter"].ToString();
                var address = filter.Split('\'')[1].Replace("''", "'", StringComparison.Ordinal);
                var found = Users.Values.Where(u => string.Equals((string?)u["mail"], address, StringComparison.OrdinalIgnoreCase)).ToArray();
                return Results.Json(new JsonObject { ["value"] = new JsonArray(found.Select(u => (JsonNode)u.DeepClone()).ToArray()) });
            case 3:
                return Users.TryGetValue(parts[2], out var user) ? Results.Json(user) : Error(StatusCodes.Status404NotFound, "Request_ResourceNotFound");
            case 4 when parts[3] == "events":
                var uid = query["$filter"].ToString().Split('\'')[1];
                var masters = Events.Where(e => e.Key.Owner == parts[2] && (string?)e.Value["iCalUId"] == uid && (string?)e.Value["type"] is "seriesMaster" or "singleInstance");
                return Results.Json(new JsonObject { ["value"] = new JsonArray(masters.Select(e => (JsonNode)e.Value.DeepClone()).ToArray()) });
            case 5 when parts[3] == "events":
                return Events.TryGetValue((parts[2], parts[4]), out var found1) ? Results.Json(found1) : Error(StatusCodes.Status404NotFound, "ErrorItemNotFound");
            case 6 when parts[3] == "events" && parts[5] == "instances":
                if (!Events.ContainsKey((parts[2], parts[4])))
                {
                    return Error(StatusCodes.Status404NotFound, "ErrorItemNotFound");
                }

                var from = DateTime.Parse(query["startDateTime"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
                var to = DateTime.Parse(query["endDateTime"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
                var instances = Events.Where(e => e.Key.Owner == parts[2] && (string?)e.Value["seriesMasterId"] == parts[4]
                        && StartOf(e.Value) >= from && StartOf(e.Value) < to && e.Value["isCancelled"]?.GetValue<bool>() != true)
                    .OrderBy(e => StartOf(e.Value));
                return Results.Json(new JsonObject { ["value"] = new JsonArray(instances.Select(e => (JsonNode)e.Value.DeepClone()).ToArray()) });
            default:
                return Error(StatusCodes.Status400BadRequest, "BadRequest");
        }
    }

    private IResult AnswerSubscriptions(HttpStub.Recorded request, string[] parts)
    {
        switch (request.Method, parts.Length)
        {
            case ("POST", 2):
                var created = JsonNode.Parse(request.Body)!.AsObject();
                var id = $"sub-{Guid.NewGuid():N}";
                created["id"] = id;
                Subscriptions[id] = created;
                return Results.Json(created, statusCode: StatusCodes.Status201Created);
            case ("PATCH", 3) when Subscriptions.TryGetValue(parts[2], out var existing):
                existing["expirationDateTime"] = JsonNode.Parse(request.Body)!["expirationDateTime"]!.DeepClone();
                return Results.Json(existing);
            case ("DELETE", 3) when Subscriptions.TryRemove(parts[2], out _):
                return Results.NoContent();
            default:
                return Error(StatusCodes.Status404NotFound, "ResourceNotFound");
        }
    }

    private static DateTime StartOf(JsonObject e) => DateTime.SpecifyKind(DateTime.Parse((string)e["start"]!["dateTime"]!, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    public static IResult Error(int status, string code, int? retryAfterSeconds = null) => new ErrorResult(status, code, retryAfterSeconds);

    private sealed class ErrorResult(int status, string code, int? retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (retryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return Results.Json(new { error = new { code, message = code } }, statusCode: status).ExecuteAsync(httpContext);
        }
    }

    public ValueTask DisposeAsync() => Stub.DisposeAsync();
}
