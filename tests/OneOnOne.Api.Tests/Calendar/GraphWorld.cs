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

    /// <summary>Messages by (mailbox address, message id): drafts, and what was sent (in the sender's Sent Items).</summary>
    public ConcurrentDictionary<(string Mailbox, string Id), JsonObject> Messages { get; } = new();

    /// <summary>How many times Exchange accepted a send of each follow-up's message (by the id the message carries).</summary>
    public ConcurrentDictionary<string, int> Sends { get; } = new();

    /// <summary>Mailboxes the application may not send as (Exchange answers 403).</summary>
    public ConcurrentDictionary<string, bool> RefusedMailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The follow-up id a message carries, by GraphMailTransport's extended property; null when it carries none.</summary>
    public static string? FollowUpIdOf(JsonObject message) =>
        message["singleValueExtendedProperties"]?.AsArray()
            .FirstOrDefault(p => (string?)p!["id"] == OneOnOne.Api.FollowUps.GraphMailTransport.FollowUpIdProperty)?["value"]?.GetValue<string>();

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
            ["id"] = objectId,
            ["displayName"] = displayName,
            ["mail"] = mail,
            ["userPrincipalName"] = mail,
            ["userType"] = userType,
            ["accountEnabled"] = accountEnabled,
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

    /// <summary>Answers as Graph would, whatever the fault says (a fault that accepts a request and then loses the answer calls this).</summary>
    public IResult Answer(HttpStub.Recorded request)
    {
        var question = request.Path.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(question < 0 ? request.Path : request.Path[..question]);
        var query = QueryHelpers.ParseQuery(question < 0 ? "" : request.Path[question..]);
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is ["v1.0", "subscriptions", ..])
        {
            return AnswerSubscriptions(request, parts);
        }

        if (parts is ["v1.0", "users", _, "messages", ..])
        {
            return AnswerMail(request, parts, query);
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

    private static readonly System.Text.RegularExpressions.Regex ByFollowUp = new(
        @"^singleValueExtendedProperties/Any\(ep: ep/id eq '(?<id>[^']+)' and ep/value eq '(?<value>[^']+)'\)$");

    /// <summary>
    /// A mailbox as Exchange keeps it: a created message is a draft in Drafts; sending it moves it to Sent Items under a new
    /// id (ids are not immutable), so the draft's id is gone afterwards (404); a filter on the extended property finds it
    /// in any folder.
    /// </summary>
    private IResult AnswerMail(HttpStub.Recorded request, string[] parts, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query)
    {
        var mailbox = parts[2].ToLowerInvariant();
        if (request.Authorization != $"Bearer {ApplicationToken}")
        {
            return Error(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken");
        }

        if (RefusedMailboxes.ContainsKey(mailbox))
        {
            return Error(StatusCodes.Status403Forbidden, "ErrorAccessDenied");
        }

        switch (request.Method, parts.Length)
        {
            case ("POST", 4):
                var draft = JsonNode.Parse(request.Body)!.AsObject();
                var id = $"draft-{Guid.NewGuid():N}";
                draft["id"] = id;
                draft["isDraft"] = true;
                draft["parentFolderId"] = "drafts";
                draft["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = mailbox } };
                Messages[(mailbox, id)] = draft;
                return Results.Json(draft, statusCode: StatusCodes.Status201Created);
            case ("GET", 4):
                var filter = ByFollowUp.Match(query["$filter"].ToString());
                if (!filter.Success)
                {
                    return Error(StatusCodes.Status400BadRequest, "ErrorInvalidUrlQueryFilter");
                }

                var found = Messages.Where(m => m.Key.Mailbox == mailbox && m.Value["singleValueExtendedProperties"]?.AsArray()
                        .Any(p => (string?)p!["id"] == filter.Groups["id"].Value && (string?)p["value"] == filter.Groups["value"].Value) == true)
                    .Select(m => (JsonNode)new JsonObject { ["id"] = m.Value["id"]!.DeepClone(), ["isDraft"] = m.Value["isDraft"]!.DeepClone() });
                return Results.Json(new JsonObject { ["value"] = new JsonArray(found.ToArray()) });
            case ("POST", 6) when parts[5] == "send":
                if (!Messages.TryRemove((mailbox, parts[4]), out var sending) || sending["isDraft"]?.GetValue<bool>() != true)
                {
                    return Error(StatusCodes.Status404NotFound, "ErrorItemNotFound");
                }

                var sentId = $"sent-{Guid.NewGuid():N}";
                sending["id"] = sentId;
                sending["isDraft"] = false;
                sending["parentFolderId"] = "sentitems";
                Messages[(mailbox, sentId)] = sending;
                Sends.AddOrUpdate(FollowUpIdOf(sending) ?? "", 1, (_, count) => count + 1);
                return Results.StatusCode(StatusCodes.Status202Accepted);
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

    /// <summary>Application tokens, as Entra ID hands them to a background job (mail is sent with application permission).</summary>
    public sealed class ApplicationTokens : OneOnOne.Api.Graph.IGraphTokenSource
    {
        public bool IsAvailable => true;

        public Task<string> ForUserAsync(string[] scopes, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Mail is sent with application permission only.");

        public Task<string> ForApplicationAsync(string? tenantId, CancellationToken cancellationToken) => Task.FromResult(ApplicationToken);
    }
}
