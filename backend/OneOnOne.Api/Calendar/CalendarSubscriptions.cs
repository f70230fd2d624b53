using System.Security.Cryptography;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Data;
using OneOnOne.Api.Graph;
using GraphSubscription = Microsoft.Graph.Models.Subscription;

namespace OneOnOne.Api.Calendar;

/// <summary>
/// Keeps one Graph change-notification subscription per organizer of a followed event, where Graph can reach this
/// server (App:PublicBaseUrl is HTTPS): created when missing, renewed before it expires, recreated when Graph dropped
/// it, deleted when nobody's events are followed there any more. Without one the reconciliation alone keeps the meetings
/// right, only later.
/// </summary>
public sealed class CalendarSubscriptions(
    OneOnOneDb db, GraphClients graph, IConfiguration configuration, IOptions<CalendarOptions> options, TimeProvider clock, ILogger<CalendarSubscriptions> logger)
{
    public const string Path = "/api/calendar/notifications";

    /// <summary>Where Graph posts notifications; null when this server cannot receive them (no public HTTPS address).</summary>
    public static string? NotificationUrl(IConfiguration configuration) =>
        configuration["App:PublicBaseUrl"] is { Length: > 0 } configured && Uri.TryCreate(configured, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? configured.TrimEnd('/') + Path
            : null;

    public static string Hash(string clientState) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(clientState)));

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RenewAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Source != CalendarSource.Graph || NotificationUrl(configuration) is not { } url)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organizers = await db.LinkedEvents.IgnoreQueryFilters()
            .Where(l => l.State != LinkedEventState.Ended && l.Organizer.ObjectId != null)
            .Select(l => new { l.TenantId, l.OrganizerId, ObjectId = l.Organizer.ObjectId! })
            .Distinct()
            .ToListAsync(cancellationToken);
        var existing = await db.CalendarSubscriptions.ToListAsync(cancellationToken);
        foreach (var organizer in organizers)
        {
            var subscription = existing.FirstOrDefault(s => s.OrganizerId == organizer.OrganizerId);
            try
            {
                if (subscription is not null && subscription.ExpiresUtc > now + options.Value.SubscriptionRenewBefore)
                {
                    continue;
                }

                if (subscription is not null && subscription.ExpiresUtc > now && await ExtendAsync(subscription, now, cancellationToken))
                {
                    continue;
                }

                if (subscription is not null)
                {
                    db.CalendarSubscriptions.Remove(subscription);
                }

                await CreateAsync(organizer.TenantId, organizer.OrganizerId, organizer.ObjectId, url, now, cancellationToken);
            }
            catch (Exception e) when (GraphFailures.IsFailure(e))
            {
                // The reconciliation still reads this calendar; the next run tries again.
                logger.LogWarning("The change-notification subscription for organizer {PersonId} could not be made or renewed: {Reason}",
                    organizer.OrganizerId, GraphFailures.Describe(e, "Microsoft Graph"));
            }

            // Each organizer's subscription is kept as soon as Graph has it, whatever happens to the next one.
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var unused in existing.Where(s => organizers.All(o => o.OrganizerId != s.OrganizerId)))
        {
            try
            {
                await graph.ForApplication(unused.TenantId).Subscriptions[unused.SubscriptionId].DeleteAsync(cancellationToken: cancellationToken);
            }
            catch (Exception e) when (GraphFailures.IsNotFound(e))
            {
                // Gone already.
            }
            catch (Exception e) when (GraphFailures.IsFailure(e))
            {
                logger.LogWarning("Subscription {SubscriptionId} could not be deleted; it expires by itself: {Reason}", unused.SubscriptionId, GraphFailures.Describe(e, "Microsoft Graph"));
            }

            db.CalendarSubscriptions.Remove(unused);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task CreateAsync(string tenantId, Guid organizerId, string objectId, string url, DateTime now, CancellationToken cancellationToken)
    {
        var clientState = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var created = await graph.ForApplication(tenantId).Subscriptions.PostAsync(new GraphSubscription
        {
            ChangeType = "created,updated,deleted",
            NotificationUrl = url,
            LifecycleNotificationUrl = url + "/lifecycle",
            Resource = $"users/{objectId}/events",
            ExpirationDateTime = now + options.Value.SubscriptionLifetime,
            ClientState = clientState,
        }, cancellationToken: cancellationToken);
        if (created?.Id is not { } id)
        {
            return;
        }

        db.CalendarSubscriptions.Add(new CalendarSubscription
        {
            TenantId = tenantId,
            OrganizerId = organizerId,
            SubscriptionId = id,
            ClientStateHash = Hash(clientState),
            ExpiresUtc = created.ExpirationDateTime?.UtcDateTime ?? now + options.Value.SubscriptionLifetime,
        });
    }

    /// <summary>Moves the expiry on; false when Graph no longer has the subscription.</summary>
    private async Task<bool> ExtendAsync(CalendarSubscription subscription, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            var expires = now + options.Value.SubscriptionLifetime;
            await graph.ForApplication(subscription.TenantId).Subscriptions[subscription.SubscriptionId]
                .PatchAsync(new GraphSubscription { ExpirationDateTime = expires }, cancellationToken: cancellationToken);
            subscription.ExpiresUtc = expires;
            return true;
        }
        catch (Exception e) when (GraphFailures.IsNotFound(e))
        {
            return false;
        }
    }
}
