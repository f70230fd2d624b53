using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Api.Data;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;
using SmtpServer.Protocol;

namespace OneOnOne.Api.Tests.FollowUps;

/// <summary>Delivery through real transports and real faults: every follow-up is sent exactly once in the end.</summary>
[Collection(HangfireCollection.Name)]
public sealed class FollowUpDeliveryTests
{
    // Three days before OneOnOnePair.FirstStart, so the pair's own first meeting stays out of the way.
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Smtp(SmtpStub stub, int maxAttempts = 5, int workers = 4) => new()
    {
        ["Mail:Transport"] = "Smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = stub.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:SmtpSecurity"] = "None",
        ["FollowUps:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["FollowUps:WorkerCount"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Meetings that ended in the last hours, so each owes both people a recap.</summary>
    private static IEnumerable<DateTime> EndedMeetings(int count) =>
        Enumerable.Range(1, count).Select(i => Now.UtcDateTime.AddHours(-1).AddMinutes(-i));

    private static void AssertEachSentOnce(SmtpStub smtp, IReadOnlyCollection<FollowUp> rows)
    {
        var sent = rows.Where(r => r.Status == FollowUpStatus.Sent).Select(r => r.Id.ToString()).Order().ToList();
        Assert.Equal(sent, smtp.FollowUpIds.Order().ToList());
    }

    [Fact]
    public async Task Refusals_are_retried_until_each_mail_is_sent_once_and_a_refused_address_fails_with_its_reason()
    {
        await using var smtp = new SmtpStub();
        var random = new Random(42);
        await using var host = new FollowUpHost(new FakeTimeProvider(Now), Smtp(smtp, maxAttempts: 30));
        var pair = await OneOnOnePair.CreateAsync(host);
        var bouncing = host.InDirectory(TestPerson.New(pair.Manager.TenantId, "Bouncing Bea") with { Email = "bounce@example.test" });
        await host.ClientFor(bouncing).GetAsync("/api/me", TestContext.Current.CancellationToken);
        var withBouncing = OneOnOnePair.AddWeekly(host, pair.Manager, bouncing, Now.AddHours(-2), repeatEveryDays: null);
        await pair.ManagerClient.PostAsync<OneOnOne.Api.Meetings.ResolveMeetingResponse>("/api/meetings/resolve", new { eventId = withBouncing });
        await host.AddMeetingsAsync(pair.Meeting.SeriesId, EndedMeetings(20));
        var closings = 0;
        smtp.Refuse = message =>
        {
            if (message.To.Mailboxes.Any(m => m.Address == bouncing.Email))
            {
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "No such user");
            }

            if (random.NextDouble() < 0.3)
            {
                // 421 also closes the connection.
                Interlocked.Increment(ref closings);
                return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "Try again later");
            }

            return null;
        };

        await host.RunUntilDoneAsync();

        var rows = await host.RowsAsync();
        Assert.Equal(42, rows.Count);
        Assert.Equal(41, rows.Count(r => r.Status == FollowUpStatus.Sent));
        Assert.Contains(rows, r => r.Status == FollowUpStatus.Sent && r.Attempts > 1);
        var failed = Assert.Single(rows, r => r.Status == FollowUpStatus.Failed);
        Assert.Contains("550", failed.LastError, StringComparison.Ordinal);
        Assert.Equal(1, failed.Attempts);
        AssertEachSentOnce(smtp, rows);
        Assert.Equal(1, host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount());
        // A connection per worker, kept through every refusal but the ones that close it.
        Assert.InRange(smtp.Sessions, 1, 4 + closings);
    }

    [Fact]
    public async Task Due_follow_ups_go_to_jobs_in_batches_and_a_refused_mail_fails_only_itself()
    {
        await using var smtp = new SmtpStub();
        await using var host = new FollowUpHost(new FakeTimeProvider(Now), Smtp(smtp, workers: 2));
        var pair = await OneOnOnePair.CreateAsync(host);
        await host.AddMeetingsAsync(pair.Meeting.SeriesId, EndedMeetings(50));
        var deliveries = 0;
        // Every tenth mail to arrive is refused for good, wherever it stands in its batch.
        smtp.Refuse = _ => Interlocked.Increment(ref deliveries) % 10 == 1 ? new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "No such user") : null;

        await host.SweepAsync();
        await host.WaitUntilSettledAsync();

        var rows = await host.RowsAsync();
        Assert.Equal(100, rows.Count);
        Assert.Equal(10, rows.Count(r => r.Status == FollowUpStatus.Failed));
        Assert.Equal(90, rows.Count(r => r.Status == FollowUpStatus.Sent));
        AssertEachSentOnce(smtp, rows);
        // 100 rows for 2 workers: batches of 100 / (2 workers x 4) = 12, so 9 jobs, each failed one failed by its refusals.
        var monitoring = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (monitoring.SucceededListCount() + monitoring.FailedCount() < 9 && DateTime.UtcNow < until)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(9, monitoring.SucceededListCount() + monitoring.FailedCount());
        var failedJobs = monitoring.FailedJobs(0, 10);
        Assert.InRange(failedJobs.Count, 1, 9);
        Assert.All(failedJobs, job => Assert.Contains("No such user", job.Value.ExceptionMessage, StringComparison.Ordinal));
        Assert.All(failedJobs, job => Assert.InRange(((Guid[])job.Value.Job.Args[0]).Length, 4, 12));
    }

    [Fact]
    public async Task A_job_stopped_before_its_rows_hands_them_back_to_the_next_sweep()
    {
        await using var smtp = new SmtpStub();
        await using var host = new FollowUpHost(new FakeTimeProvider(Now), Smtp(smtp));
        var pair = await OneOnOnePair.CreateAsync(host);
        await host.AddMeetingsAsync(pair.Meeting.SeriesId, EndedMeetings(2));
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        // The same rows due again and handed to a job, as the sweep leaves them.
        var ids = await host.WithDbAsync(async db =>
        {
            var rows = await db.FollowUps.IgnoreQueryFilters().ToListAsync(TestContext.Current.CancellationToken);
            rows.ForEach(r => (r.Status, r.EnqueuedUtc) = (FollowUpStatus.Pending, Now.UtcDateTime));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return rows.Select(r => r.Id).ToArray();
        });
        var mailsBefore = smtp.Received.Count;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FollowUpJob>().SendAsync(ids, new CancellationToken(canceled: true));
        }

        Assert.Equal(mailsBefore, smtp.Received.Count);
        Assert.All(await host.RowsAsync(), r => Assert.True(r.Status == FollowUpStatus.Pending && r.EnqueuedUtc is null, $"{r.Status} {r.EnqueuedUtc:O}"));
        await host.SweepAsync();
        await host.WaitUntilSettledAsync();
        Assert.All(await host.RowsAsync(), r => Assert.Equal(FollowUpStatus.Sent, r.Status));
        Assert.Equal(mailsBefore + ids.Length, smtp.Received.Count);
    }

    [Fact]
    public async Task A_host_stopped_in_the_middle_of_a_batch_loses_nothing_and_sends_nothing_twice()
    {
        await using var smtp = new SmtpStub { Delay = TimeSpan.FromMilliseconds(40) };
        var clock = new FakeTimeProvider(Now);
        var first = new FollowUpHost(clock, Smtp(smtp, workers: 2));
        var pair = await OneOnOnePair.CreateAsync(first);
        await first.AddMeetingsAsync(pair.Meeting.SeriesId, EndedMeetings(60));

        await first.SweepAsync();
        while (smtp.Received.Count < 20)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await first.DisposeAsync();
        var sentBeforeRestart = smtp.Received.Count;
        clock.Advance(TimeSpan.FromMinutes(11));
        await using var second = new FollowUpHost(clock, Smtp(smtp, workers: 2), first.DataFolder, first.Tokens);
        await second.RunUntilDoneAsync();

        var rows = await second.RowsAsync();
        Assert.InRange(sentBeforeRestart, 20, 119);
        Assert.Equal(120, rows.Count);
        Assert.All(rows, r => Assert.Equal(FollowUpStatus.Sent, r.Status));
        AssertEachSentOnce(smtp, rows);
        Directory.Delete(first.DataFolder, recursive: true);
    }

    [Fact]
    public async Task Two_instances_on_one_postgresql_server_send_a_thousand_follow_ups_exactly_once()
    {
        Assert.SkipWhen(PostgresServer.SkipReason is not null && Environment.GetEnvironmentVariable("CI") != "true", PostgresServer.SkipReason ?? "");
        var database = $"oneonone_test_{Guid.NewGuid():N}";
        await using var smtp = new SmtpStub();
        try
        {
            var clock = new FakeTimeProvider(Now);
            await using var one = new FollowUpHost(clock, Smtp(smtp), postgresDatabase: database);
            var pair = await OneOnOnePair.CreateAsync(one);
            await one.AddMeetingsAsync(pair.Meeting.SeriesId, EndedMeetings(500));
            await using var two = new FollowUpHost(clock, Smtp(smtp), postgresDatabase: database);
            _ = two.Server;

            // Both sweep at once, as two servers' recurring jobs could.
            await Task.WhenAll(one.SweepAsync(), two.SweepAsync());
            await Task.WhenAll(one.WaitUntilSettledAsync(TimeSpan.FromMinutes(3)), two.WaitUntilSettledAsync(TimeSpan.FromMinutes(3)));
            await one.RunUntilDoneAsync();

            var rows = await one.RowsAsync();
            Assert.Equal(1000, rows.Count);
            Assert.All(rows, r => Assert.Equal(FollowUpStatus.Sent, r.Status));
            AssertEachSentOnce(smtp, rows);
            Assert.InRange(smtp.Sessions, 1, 8);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }
}
