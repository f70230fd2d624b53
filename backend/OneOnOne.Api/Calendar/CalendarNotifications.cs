using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.Calendar;

public sealed record GraphNotification(string? SubscriptionId = null, string? ClientState = null, string? ChangeType = null, string? LifecycleEvent = null);

public sealed record GraphNotificationBatch(GraphNotification?[]? Value = null);

/// <summary>
/// Where Microsoft Graph posts change and lifecycle notifications. A notification is a nudge, never data: with the right
/// subscription and client state it marks the organizer's followed events for reading again; anything else is ignored.
/// Graph's validation handshake echoes the token.
/// </summary>
public static class CalendarNotifications
{
    private const int MaxNotifications = 1000;

    public static IEndpointRouteBuilder MapCalendarNotifications(this IEndpointRouteBuilder app)
    {
        var notifications = app.MapGroup(CalendarSubscriptions.Path).WithTags("Calendar").AllowAnonymous();
        notifications.MapPost("/", ChangedAsync)
            .WithSummary("Change notifications from Microsoft Graph on organizers' calendars (and its validation handshake).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        notifications.MapPost("/lifecycle", LifecycleAsync)
            .WithSummary("Lifecycle notifications from Microsoft Graph: a subscription to renew, removed, or notifications missed.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Results<ContentHttpResult, Accepted, ProblemHttpResult>> ChangedAsync(
        HttpContext context, OneOnOneDb db, ILogger<GraphNotificationBatch> logger, CancellationToken cancellationToken)
    {
        var (answer, batch) = await ReadAsync(context, cancellationToken);
        if (batch is null)
        {
            return answer!;
        }

        var organizers = (await VerifiedAsync(db, batch, logger, cancellationToken)).Select(v => v.Subscription.OrganizerId).ToHashSet();
        await NudgeAsync(db, organizers, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<ContentHttpResult, Accepted, ProblemHttpResult>> LifecycleAsync(
        HttpContext context, OneOnOneDb db, ILogger<GraphNotificationBatch> logger, CancellationToken cancellationToken)
    {
        var (answer, batch) = await ReadAsync(context, cancellationToken);
        if (batch is null)
        {
            return answer!;
        }

        var missed = new HashSet<Guid>();
        foreach (var (subscription, notification) in await VerifiedAsync(db, batch, logger, cancellationToken))
        {
            switch (notification.LifecycleEvent)
            {
                case "missed":
                    missed.Add(subscription.OrganizerId);
                    break;
                case "subscriptionRemoved":
                    db.CalendarSubscriptions.Remove(subscription);
                    missed.Add(subscription.OrganizerId);
                    break;
                case "reauthorizationRequired":
                    // Due for renewal: the next renewal run extends it, which reauthorizes it.
                    subscription.ExpiresUtc = DateTime.UtcNow.AddMinutes(5);
                    break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await NudgeAsync(db, missed, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// The notifications in the body, or the answer to give instead: the token back for Graph's validation handshake (it
    /// posts a token it expects back, as plain text, within ten seconds), a 400 problem for a body that is not a batch.
    /// </summary>
    private static async Task<(Results<ContentHttpResult, Accepted, ProblemHttpResult>? Answer, GraphNotificationBatch? Batch)> ReadAsync(
        HttpContext context, CancellationToken cancellationToken)
    {
        if (context.Request.Query["validationToken"] is [{ Length: <= 4096 } token])
        {
            return (TypedResults.Text(token, "text/plain", Encoding.UTF8), null);
        }

        try
        {
            var batch = await context.Request.ReadFromJsonAsync<GraphNotificationBatch>(cancellationToken);
            if (batch?.Value is not null)
            {
                return (null, batch);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            // Not a batch of notifications: the same answer as no body.
        }

        return (ProblemSetup.Problem(context, StatusCodes.Status400BadRequest), null);
    }

    /// <summary>The notifications of a subscription this server made, carrying its secret; the rest is dropped.</summary>
    private static async Task<List<(CalendarSubscription Subscription, GraphNotification Notification)>> VerifiedAsync(
        OneOnOneDb db, GraphNotificationBatch batch, ILogger logger, CancellationToken cancellationToken)
    {
        // Graph batches a few notifications; one look-up for all of them, and no more than Graph would ever send.
        var notifications = batch.Value!.OfType<GraphNotification>().Take(MaxNotifications).ToList();
        var ids = notifications.Select(n => n.SubscriptionId).OfType<string>().Where(id => id.Length <= Limits.OutlookId).Distinct().ToList();
        var subscriptions = ids.Count == 0
            ? []
            : await db.CalendarSubscriptions.Where(s => ids.Contains(s.SubscriptionId)).ToDictionaryAsync(s => s.SubscriptionId, cancellationToken);
        var verified = new List<(CalendarSubscription, GraphNotification)>();
        foreach (var notification in notifications)
        {
            if (notification.SubscriptionId is not { } id || !subscriptions.TryGetValue(id, out var subscription) || notification.ClientState is null
                || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(CalendarSubscriptions.Hash(notification.ClientState)), Encoding.ASCII.GetBytes(subscription.ClientStateHash)))
            {
                logger.LogWarning("A calendar notification for an unknown subscription or with a wrong client state was ignored.");
                continue;
            }

            verified.Add((subscription, notification));
        }

        return verified;
    }

    /// <summary>
    /// The organizers' followed events are read again by the reconciliation's next run (every minute): a burst of
    /// notifications becomes one read per event, and no request waits for Graph.
    /// </summary>
    private static async Task NudgeAsync(OneOnOneDb db, HashSet<Guid> organizers, CancellationToken cancellationToken)
    {
        if (organizers.Count == 0)
        {
            return;
        }

        await db.LinkedEvents.IgnoreQueryFilters()
            .Where(l => organizers.Contains(l.OrganizerId) && l.State != LinkedEventState.Ended)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.CheckedUtc, (DateTime?)null), cancellationToken);
    }
}
