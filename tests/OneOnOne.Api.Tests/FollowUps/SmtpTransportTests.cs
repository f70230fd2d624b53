using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.FollowUps;

/// <summary>The SMTP transport against a real SMTP server: it keeps its connections, and a dropped one costs no mail.</summary>
public sealed class SmtpTransportTests
{
    private static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static SmtpTransport TransportTo(SmtpStub smtp, TimeProvider clock) => new(
        Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, SmtpSecurity = "None", SmtpIdleTimeout = TimeSpan.FromSeconds(30) }),
        clock);

    private static OutgoingMail Mail(int number) => new(
        new MailAddress("mia@example.test", "Mia"), new MailAddress("rik@example.test", "Rik"), null, $"Mail {number}", $"<p>Mail {number}</p>",
        $"Mail {number}", Guid.NewGuid(), "https://oneonone.example.test/follow-ups/unsubscribe?t=x");

    [Fact]
    public async Task Mails_sent_one_after_another_share_one_connection_until_it_has_been_idle_too_long()
    {
        await using var smtp = new SmtpStub();
        var clock = new FakeTimeProvider(Now);
        await using var transport = TransportTo(smtp, clock);

        for (var i = 0; i < 5; i++)
        {
            await transport.SendAsync(Mail(i), Cancel);
        }

        Assert.Equal(1, smtp.Sessions);
        clock.Advance(TimeSpan.FromSeconds(31));
        await transport.SendAsync(Mail(5), Cancel);

        Assert.Equal(2, smtp.Sessions);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"Mail {i}"), smtp.Received.Select(m => m.Subject));
    }

    [Fact]
    public async Task Mails_sent_at_once_open_a_connection_each_and_reuse_them()
    {
        await using var smtp = new SmtpStub { Delay = TimeSpan.FromMilliseconds(100) };
        await using var transport = TransportTo(smtp, new FakeTimeProvider(Now));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(i => transport.SendAsync(Mail(i), Cancel)));
        await Task.WhenAll(Enumerable.Range(3, 3).Select(i => transport.SendAsync(Mail(i), Cancel)));

        Assert.Equal(3, smtp.Sessions);
        Assert.Equal(6, smtp.Received.Count);
    }

    [Fact]
    public async Task A_connection_the_server_dropped_is_replaced_and_the_mail_sent_once()
    {
        await using var smtp = new SmtpStub(dropIdleAfter: TimeSpan.FromMilliseconds(300));
        await using var transport = TransportTo(smtp, new FakeTimeProvider(Now));
        await transport.SendAsync(Mail(0), Cancel);

        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        await transport.SendAsync(Mail(1), Cancel);

        Assert.Equal(2, smtp.Sessions);
        Assert.Equal(["Mail 0", "Mail 1"], smtp.Received.Select(m => m.Subject));
    }
}
