using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;
using OneOnOne.Api.Tests.Privacy;

namespace OneOnOne.Api.Tests.Calendar;

/// <summary>
/// The endpoint Graph posts change notifications to: anyone can reach it, so a notification is only a nudge to read
/// the calendar again, and only from a subscription this server made, with its secret.
/// </summary>
public abstract class CalendarNotificationTests(ApiFactory api) : ProviderTests(api)
{
    private const string Secret = "the-subscriptions-client-state";

    [Theory]
    [InlineData("/api/calendar/notifications")]
    [InlineData("/api/calendar/notifications/lifecycle")]
    public async Task Graphs_validation_handshake_gets_its_token_back_as_plain_text(string path)
    {
        var response = await Api.CreateClient().PostAsync($"{path}?validationToken=Validation%3A%20Testing%20client%20application", content: null, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Validation: Testing client application", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("moved")]
    [InlineData("cancelled")]
    [InlineData("attendees changed")]
    [InlineData("series deleted")]
    public async Task A_notification_with_the_subscriptions_secret_has_the_calendar_read_again_before_the_interval(string change)
    {
        var (weekly, subscription) = await WeeklyWithSubscriptionAsync();
        var second = weekly.Start.AddDays(7);
        switch (change)
        {
            case "moved":
                Api.Workplace.MoveOccurrence(weekly.EventId, second, second.AddHours(2));
                break;
            case "cancelled":
                Api.Workplace.CancelOccurrence(weekly.EventId, second);
                break;
            case "attendees changed":
                var third = Api.InDirectory(TestPerson.New(weekly.Manager.TenantId));
                Api.Workplace.SetAttendees(weekly.EventId, [OneOnOnePair.Attendee(weekly.Report), OneOnOnePair.Attendee(third)]);
                break;
            default:
                Api.Workplace.DeleteEvent(weekly.EventId);
                break;
        }

        // Read an hour ago or not: the reconciliation leaves an event it read recently alone...
        await RunReconciliationAsync();
        var untouched = await StateAsync(weekly.Resolved.SeriesId, second);
        // ...until a notification says its organizer's calendar changed.
        var answer = await NotifyAsync(Api.CreateClient(), subscription, Secret);
        var nudged = await Api.WithDbAsync(db => db.LinkedEvents.IgnoreQueryFilters().SingleAsync(l => l.SeriesId == weekly.Resolved.SeriesId, Cancel));
        await RunReconciliationAsync();
        var read = await StateAsync(weekly.Resolved.SeriesId, second);

        Assert.Equal((second, MeetingStatus.Scheduled, LinkedEventState.Active), untouched);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Null(nudged.CheckedUtc);
        Assert.Equal(change switch
        {
            "moved" => (second.AddHours(2), MeetingStatus.Scheduled, LinkedEventState.Active),
            "cancelled" => (second, MeetingStatus.Cancelled, LinkedEventState.Active),
            "attendees changed" => (second, MeetingStatus.Scheduled, LinkedEventState.Paused),
            _ => (second, MeetingStatus.Cancelled, LinkedEventState.Ended),
        }, read);
    }

    public static TheoryData<string, string?, string> Forgeries => new()
    {
        { "wrong secret", null, "not-the-secret" },
        { "no secret", null, "" },
        { "unknown subscription", "sub-that-does-not-exist", Secret },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_notification_without_the_right_subscription_and_secret_changes_nothing(string forgery, string? subscriptionId, string clientState)
    {
        var (weekly, subscription) = await WeeklyWithSubscriptionAsync();
        var before = await CheckedAsync(weekly.Resolved.SeriesId);

        var answer = await NotifyAsync(Api.CreateClient(), subscriptionId ?? subscription, clientState.Length == 0 ? null : clientState);

        Assert.True(answer.StatusCode == HttpStatusCode.Accepted, forgery);
        Assert.Equal(before, await CheckedAsync(weekly.Resolved.SeriesId));
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("""{"value":"everything"}""")]
    [InlineData("""{"other":[]}""")]
    [InlineData("")]
    public async Task A_malformed_notification_is_a_400_problem(string body)
    {
        var answer = await PrivacyScenario.SendAsync(Api.CreateClient(), HttpMethod.Post, "/api/calendar/notifications", PrivacyScenario.JsonBody(body));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task Lifecycle_notifications_renew_or_forget_the_subscription_and_missed_ones_read_the_calendar_again()
    {
        var (weekly, subscription) = await WeeklyWithSubscriptionAsync();

        await LifecycleAsync(subscription, "reauthorizationRequired");
        var due = await Api.WithDbAsync(db => db.CalendarSubscriptions.SingleAsync(s => s.SubscriptionId == subscription, Cancel));
        await LifecycleAsync(subscription, "subscriptionRemoved");
        var removed = await Api.WithDbAsync(db => db.CalendarSubscriptions.AnyAsync(s => s.SubscriptionId == subscription, Cancel));

        Assert.True(due.ExpiresUtc < DateTime.UtcNow.AddMinutes(10));
        Assert.False(removed);
        Assert.Null(await CheckedAsync(weekly.Resolved.SeriesId));
    }

    private sealed record Weekly(TestPerson Manager, TestPerson Report, string EventId, DateTime Start, ResolveMeetingResponse Resolved);

    /// <summary>A weekly 1-on-1 from tomorrow, opened once, and a subscription on its organizer's calendar.</summary>
    private async Task<(Weekly Weekly, string SubscriptionId)> WeeklyWithSubscriptionAsync()
    {
        var tenant = Guid.NewGuid().ToString();
        var manager = Api.InDirectory(TestPerson.New(tenant));
        var report = Api.InDirectory(TestPerson.New(tenant));
        var start = DateTime.UtcNow.Date.AddDays(1).AddHours(9);
        var eventId = OneOnOnePair.AddWeekly(Api, manager, report, new DateTimeOffset(start));
        var resolved = await Api.ClientFor(manager).PostAsync<ResolveMeetingResponse>("/api/meetings/resolve", OneOnOnePair.Open(eventId, new DateTimeOffset(start)));
        var subscriptionId = $"sub-{Guid.NewGuid():N}";
        await Api.WithDbAsync(async db =>
        {
            var organizer = await db.People.IgnoreQueryFilters().SingleAsync(p => p.TenantId == tenant && p.ObjectId == manager.ObjectId, Cancel);
            db.CalendarSubscriptions.Add(new CalendarSubscription
            {
                TenantId = tenant,
                OrganizerId = organizer.Id,
                SubscriptionId = subscriptionId,
                ClientStateHash = CalendarSubscriptions.Hash(Secret),
                ExpiresUtc = DateTime.UtcNow.AddDays(2),
            });
            return await db.SaveChangesAsync(Cancel);
        });
        return (new Weekly(manager, report, eventId, start, resolved), subscriptionId);
    }

    private static Task<HttpResponseMessage> NotifyAsync(HttpClient client, string subscriptionId, string? clientState) =>
        client.PostAsync("/api/calendar/notifications", Body(new
        {
            value = new[]
            {
                new { subscriptionId, clientState, changeType = "updated", resource = "Users/someone/Events/AAMk", resourceData = new { id = "AAMk" } },
            },
        }), Cancel);

    private async Task LifecycleAsync(string subscriptionId, string lifecycleEvent)
    {
        var response = await Api.CreateClient().PostAsync("/api/calendar/notifications/lifecycle",
            Body(new { value = new[] { new { subscriptionId, clientState = Secret, lifecycleEvent } } }), Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static StringContent Body(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    private async Task RunReconciliationAsync()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CalendarSync>().RunAsync(Cancel);
    }

    /// <summary>The meeting first scheduled at <paramref name="originalStart"/>, and how its event is followed.</summary>
    private async Task<(DateTime Start, MeetingStatus Status, LinkedEventState Event)> StateAsync(Guid seriesId, DateTime originalStart)
    {
        var meeting = await Api.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().AsNoTracking().SingleAsync(m => m.SeriesId == seriesId && m.OriginalStartUtc == originalStart, Cancel));
        var state = await Api.WithDbAsync(db => db.LinkedEvents.IgnoreQueryFilters().Where(l => l.SeriesId == seriesId).Select(l => l.State).SingleAsync(Cancel));
        return (meeting.StartUtc, meeting.Status, state);
    }

    private Task<DateTime?> CheckedAsync(Guid seriesId) =>
        Api.WithDbAsync(db => db.LinkedEvents.IgnoreQueryFilters().Where(l => l.SeriesId == seriesId).Select(l => l.CheckedUtc).SingleAsync(Cancel));
}

public sealed class SqliteCalendarNotificationTests(SqliteApiFactory api) : CalendarNotificationTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresCalendarNotificationTests(PostgresApiFactory api) : CalendarNotificationTests(api), IClassFixture<PostgresApiFactory>;
