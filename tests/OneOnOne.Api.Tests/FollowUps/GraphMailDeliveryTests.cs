using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Api.Data;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Graph;
using OneOnOne.Api.Tests.Calendar;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.FollowUps;

/// <summary>
/// Mail over Microsoft Graph through the SDK's own requests, against a local Graph that keeps mailboxes as Exchange does
/// and loses answers on cue: every follow-up leaves its organizer's mailbox once, with the copy in Sent Items.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class GraphMailDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Graph(GraphWorld world, int workers = 4, string? graphSender = null) => new()
    {
        ["Mail:Transport"] = "Graph",
        ["Mail:GraphSender"] = graphSender,
        ["Mail:SendTimeout"] = "00:00:02",
        ["Graph:BaseUrl"] = world.BaseUrl,
        ["FollowUps:WorkerCount"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static FollowUpHost Host(GraphWorld world, FakeTimeProvider clock, Dictionary<string, string?> settings, FailingDatabase? database = null, FollowUpHost? restartOf = null) =>
        new(clock, settings, restartOf?.DataFolder, restartOf?.Tokens)
        {
            MoreServices = services =>
            {
                services.AddScoped<IGraphTokenSource, GraphWorld.ApplicationTokens>();
                if (database is not null)
                {
                    services.AddSingleton<IInterceptor>(database);
                }
            },
        };

    private static IEnumerable<DateTime> EndedMeetings(int count) =>
        Enumerable.Range(1, count).Select(i => Now.UtcDateTime.AddHours(-1).AddMinutes(-i));

    private static List<JsonObject> SentFrom(GraphWorld world, string mailbox) =>
        world.Messages.Where(m => m.Key.Mailbox == mailbox.ToLowerInvariant() && (string?)m.Value["parentFolderId"] == "sentitems").Select(m => m.Value).ToList();

    private static void AssertEachSentOnce(GraphWorld world, IReadOnlyCollection<FollowUp> rows)
    {
        Assert.All(rows, r => Assert.Equal(FollowUpStatus.Sent, r.Status));
        Assert.Equal(rows.Select(r => r.Id.ToString("D")).Order(), world.Sends.Keys.Order());
        Assert.All(world.Sends, s => Assert.Equal(1, s.Value));
        Assert.DoesNotContain(world.Messages.Values, m => m["isDraft"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Each_mail_leaves_the_organizers_mailbox_once_though_answers_are_lost_after_Exchange_accepted()
    {
        await using var world = await GraphWorld.StartAsync();
        await using var host = Host(world, new FakeTimeProvider(Now), Graph(world));
        var pair = await OneOnOnePair.CreateAsync(host);
        await host.AddMeetingsAsync(pair.Meeting.SeriesId, EndedMeetings(6));
        // Half of the events are organized by the report: mail about them comes from the report, whatever the roles say.
        var byReport = await host.WithDbAsync(async db =>
        {
            var links = await db.LinkedEvents.IgnoreQueryFilters().Where(l => l.SeriesId == pair.Meeting.SeriesId).OrderBy(l => l.CreatedUtc).ToListAsync();
            var report = await db.People.IgnoreQueryFilters().SingleAsync(p => p.ObjectId == pair.Report.ObjectId);
            foreach (var link in links.Skip(1).Where((_, i) => i % 2 == 0))
            {
                link.OrganizerId = report.Id;
            }

            await db.SaveChangesAsync();
            return links.Count(l => l.OrganizerId == report.Id);
        });

        // The first four sends are each accepted and then their answer lost: a 500, a 503 (the SDK sends again, and the
        // draft is gone), an answer slower than the timeout, and a create whose answer comes too late.
        var sends = 0;
        var creates = 0;
        world.Fault = request =>
        {
            if (request.Method != "POST" || !request.Path.Contains("/messages", StringComparison.Ordinal))
            {
                return null;
            }

            if (request.Path.EndsWith("/send", StringComparison.Ordinal))
            {
                switch (Interlocked.Increment(ref sends))
                {
                    case 1:
                        world.Answer(request);
                        return GraphWorld.Error(500, "InternalServerError");
                    case 2:
                        world.Answer(request);
                        return GraphWorld.Error(503, "ServiceUnavailable");
                    case 3:
                        world.Answer(request);
                        Thread.Sleep(TimeSpan.FromSeconds(3));
                        return Microsoft.AspNetCore.Http.Results.StatusCode(202);
                }

                return null;
            }

            if (Interlocked.Increment(ref creates) == 5)
            {
                var created = world.Answer(request);
                Thread.Sleep(TimeSpan.FromSeconds(3));
                return created;
            }

            return null;
        };

        await host.RunUntilDoneAsync();

        var rows = await host.RowsAsync();
        Assert.Equal(12, rows.Count);
        AssertEachSentOnce(world, rows);
        Assert.True(rows.Count(r => r.Attempts > 1) >= 4, string.Join(", ", rows.Select(r => r.Attempts)));
        var fromReport = SentFrom(world, pair.Report.Email);
        var fromManager = SentFrom(world, pair.Manager.Email);
        Assert.Equal(2 * byReport, fromReport.Count);
        Assert.Equal(12 - (2 * byReport), fromManager.Count);
        // Each person gets one recap per meeting, from the organizer's mailbox, which keeps the copy.
        Assert.Equal(6, fromReport.Concat(fromManager).Count(m => (string?)m["toRecipients"]![0]!["emailAddress"]!["address"] == pair.Report.Email));
        Assert.All(fromReport.Concat(fromManager), m => Assert.Null(m["replyTo"]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_process_that_dies_between_create_and_send_or_between_send_and_save_leaves_each_mail_sent_once(bool afterSend)
    {
        await using var world = await GraphWorld.StartAsync();
        var clock = new FakeTimeProvider(Now);
        var database = new FailingDatabase();
        var first = Host(world, clock, Graph(world, workers: 1), database);
        var pair = await OneOnOnePair.CreateAsync(first);
        await first.AddMeetingsAsync(pair.Meeting.SeriesId, EndedMeetings(1));

        // At the first send the process "dies": from then on nothing it does reaches the database. Before the send is
        // made, a draft is left in the mailbox; after it, a sent mail whose row still says "sending".
        var died = new TaskCompletionSource();
        world.Fault = request =>
        {
            if (!request.Path.EndsWith("/send", StringComparison.Ordinal) || died.Task.IsCompleted)
            {
                return null;
            }

            database.Down = true;
            // A 500, which the SDK does not send again: the draft stays unsent.
            var answer = afterSend ? world.Answer(request) : GraphWorld.Error(500, "InternalServerError");
            died.TrySetResult();
            return answer;
        };
        await first.SweepAsync();
        await died.Task.WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        await Task.Delay(500, Cancel);
        await first.DisposeAsync();
        Assert.Equal(afterSend ? 1 : 0, world.Sends.Count);
        Assert.Equal(afterSend ? 0 : 1, world.Messages.Values.Count(m => m["isDraft"]!.GetValue<bool>()));

        world.Fault = _ => null;
        clock.Advance(TimeSpan.FromMinutes(11));
        await using var second = Host(world, clock, Graph(world), restartOf: first);
        await second.RunUntilDoneAsync();

        AssertEachSentOnce(world, await second.RowsAsync());
        Directory.Delete(first.DataFolder, recursive: true);
    }

    [Fact]
    public async Task A_service_mailbox_sends_with_the_organizer_to_reply_to_and_a_refused_mailbox_fails_once_with_what_to_configure()
    {
        await using var world = await GraphWorld.StartAsync();
        await using var host = Host(world, new FakeTimeProvider(Now), Graph(world, graphSender: "oneonone@contoso.test"));
        var pair = await OneOnOnePair.CreateAsync(host);
        await host.AddMeetingsAsync(pair.Meeting.SeriesId, EndedMeetings(1));

        await host.RunUntilDoneAsync();

        var sent = SentFrom(world, "oneonone@contoso.test");
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Equal(pair.Manager.Email, (string?)m["replyTo"]![0]!["emailAddress"]!["address"]));
        AssertEachSentOnce(world, await host.RowsAsync());

        world.RefusedMailboxes["oneonone@contoso.test"] = true;
        await host.AddMeetingsAsync(pair.Meeting.SeriesId, [Now.UtcDateTime.AddHours(-3)]);
        await host.RunUntilDoneAsync();

        var refused = (await host.RowsAsync()).Where(r => r.Status != FollowUpStatus.Sent).ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(FollowUpStatus.Failed, r.Status);
            Assert.Equal(1, r.Attempts);
            Assert.Contains("oneonone@contoso.test", r.LastError, StringComparison.Ordinal);
            Assert.Contains("application access policy", r.LastError, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_mail_whose_composition_fails_is_failed_after_the_cap_listed_for_operators_and_sent_once_when_retried()
    {
        await using var world = await GraphWorld.StartAsync();
        var database = new FailingDatabase();
        var settings = Graph(world);
        settings["FollowUps:MaxAttempts"] = "3";
        await using var host = Host(world, new FakeTimeProvider(Now), settings, database);
        var pair = await OneOnOnePair.CreateAsync(host);
        var admin = host.InDirectory(TestPerson.New(pair.Manager.TenantId, "Operator Olga"));
        var operators = host.CreateClient();
        operators.DefaultRequestHeaders.Authorization = new("Bearer", host.Tokens.For(admin, roles: "OneOnOne.Admin"));
        var stranger = host.InDirectory(TestPerson.New(name: "Operator of another tenant"));
        var otherTenant = host.CreateClient();
        otherTenant.DefaultRequestHeaders.Authorization = new("Bearer", host.Tokens.For(stranger, roles: "OneOnOne.Admin"));
        await host.AddMeetingsAsync(pair.Meeting.SeriesId, EndedMeetings(1));
        // Only the recap's composition reads the shared note: every attempt at it meets a database error.
        database.Fails = command => command.CommandText.Contains("FROM \"Notes\"", StringComparison.Ordinal);

        await host.RunUntilDoneAsync();

        var rows = await host.RowsAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal(FollowUpStatus.Failed, r.Status);
            Assert.Equal(3, r.Attempts);
            Assert.Contains("SqliteException", r.LastError, StringComparison.Ordinal);
        });
        Assert.Empty(world.Sends);

        Assert.Equal(HttpStatusCode.Forbidden, (await pair.ManagerClient.GetAsync("/api/admin/follow-ups/failed", Cancel)).StatusCode);
        Assert.Empty(await otherTenant.GetAsync<List<FailedFollowUp>>("/api/admin/follow-ups/failed"));
        var failed = await operators.GetAsync<List<FailedFollowUp>>("/api/admin/follow-ups/failed");
        Assert.Equal(rows.Select(r => r.Id).Order(), failed.Select(f => f.Id).Order());
        Assert.All(failed, f => Assert.Contains("SqliteException", f.Reason, StringComparison.Ordinal));

        database.Fails = _ => false;
        Assert.Equal(HttpStatusCode.NotFound, (await otherTenant.PostAsync($"/api/admin/follow-ups/{failed[0].Id}/retry", null, Cancel)).StatusCode);
        foreach (var row in failed)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await operators.PostAsync($"/api/admin/follow-ups/{row.Id}/retry", null, Cancel)).StatusCode);
        }

        var again = await operators.PostAsync($"/api/admin/follow-ups/{failed[0].Id}/retry", null, Cancel);
        await host.WaitUntilSettledAsync();
        await host.RunUntilDoneAsync();

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        AssertEachSentOnce(world, await host.RowsAsync());
    }

    [Fact]
    public async Task The_transport_creates_the_message_as_Graph_expects_and_sorts_refusals_from_answers_worth_waiting_for()
    {
        await using var world = await GraphWorld.StartAsync();
        var clients = new GraphClients(new GraphWorld.ApplicationTokens(), Microsoft.Extensions.Options.Options.Create(new GraphOptions { BaseUrl = world.BaseUrl }));
        var transport = new GraphMailTransport(clients, new GraphMailboxRefusals(Microsoft.Extensions.Logging.Abstractions.NullLogger<GraphMailboxRefusals>.Instance));
        var mail = new OutgoingMail(
            new MailAddress("sanne@contoso.test", "Sanne"), new MailAddress("priya@contoso.test", "Priya"), null,
            "Recap <1:1>", "<p>Hi &amp; bye</p>", "Hi & bye", Guid.NewGuid(), "https://x.test/u");

        await transport.SendAsync(mail, Cancel);

        var message = Assert.Single(SentFrom(world, "sanne@contoso.test"));
        Assert.Equal("Recap <1:1>", (string?)message["subject"]);
        Assert.Equal("html", (string?)message["body"]!["contentType"]);
        Assert.Equal("<p>Hi &amp; bye</p>", (string?)message["body"]!["content"]);
        Assert.Equal("priya@contoso.test", (string?)message["toRecipients"]![0]!["emailAddress"]!["address"]);
        Assert.Equal(mail.FollowUpId.ToString("D"), GraphWorld.FollowUpIdOf(message));
        Assert.Contains(message["internetMessageHeaders"]!.AsArray(), h => (string?)h!["name"] == "List-Unsubscribe" && (string?)h["value"] == "<https://x.test/u>");
        // Sent again, it is found in Sent Items and not sent twice.
        await transport.SendAsync(mail, Cancel);
        Assert.Equal(1, world.Sends[mail.FollowUpId.ToString("D")]);

        // Throttled on every try: the SDK retries (honouring Retry-After), then it is a refusal worth waiting for.
        var another = mail with { FollowUpId = Guid.NewGuid() };
        world.Fault = _ => GraphWorld.Error(429, "TooManyRequests", retryAfterSeconds: 1);
        var throttled = await Assert.ThrowsAsync<MailTransportException>(() => transport.SendAsync(another, Cancel));
        Assert.True(throttled.Retryable);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.RetryAfter);

        // A bad request will never succeed: not tried again.
        world.Fault = request => request.Method == "POST" ? GraphWorld.Error(400, "ErrorInvalidRecipients") : null;
        Assert.False((await Assert.ThrowsAsync<MailTransportException>(() => transport.SendAsync(another, Cancel))).Retryable);
    }
}
