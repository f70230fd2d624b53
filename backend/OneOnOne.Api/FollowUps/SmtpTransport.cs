using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace OneOnOne.Api.FollowUps;

/// <summary>
/// Sends over SMTP on connections it keeps: each send takes an idle connection (or opens one) and gives it back, so
/// there are about as many as there are workers sending at once, and a mail costs its own commands, not a connect,
/// greeting, TLS and sign-in. A connection idle longer than <see cref="MailOptions.SmtpIdleTimeout"/> is closed
/// rather than reused, before servers drop it themselves.
/// </summary>
internal sealed class SmtpTransport(IOptions<MailOptions> options, TimeProvider clock) : IMailTransport, IAsyncDisposable
{
    private readonly ConcurrentBag<(SmtpClient Client, DateTimeOffset IdleSince)> idle = [];

    public async Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = Mime.Build(mail);
        while (true)
        {
            var (client, reused) = TakeIdle(settings);
            try
            {
                client ??= await ConnectAsync(settings, cancellationToken);
                await client.SendAsync(message, cancellationToken);
                idle.Add((client, clock.GetUtcNow()));
                return message.MessageId;
            }
            catch (Exception e) when (reused && (e is ServiceNotConnectedException or SmtpProtocolException or IOException
                || e is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceClosingTransmissionChannel or SmtpStatusCode.ServiceNotAvailable }))
            {
                // How a kept connection fails when the server closed it while it waited (saying so with a 221 or 421,
                // or not at all): send the mail on a new one now rather than in the job's next attempt. As with any
                // retry over SMTP, a connection lost after DATA may have delivered it (README, "In production").
                client?.Dispose();
            }
            catch (SmtpCommandException e)
            {
                // The server answered; the connection stays good for the next mail.
                Keep(client);
                // 4xx: try later; 5xx: the server refuses this mail (an unknown mailbox, say) and always will.
                throw new MailTransportException($"SMTP {(int)e.StatusCode}: {e.Message}", retryable: (int)e.StatusCode < 500, inner: e);
            }
            catch (Exception e) when (e is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException
                or OperationCanceledException or AuthenticationException or ServiceNotConnectedException)
            {
                client?.Dispose();
                throw new MailTransportException($"SMTP: {e.Message}", retryable: true, inner: e);
            }
        }
    }

    private (SmtpClient? Client, bool Reused) TakeIdle(MailOptions settings)
    {
        while (idle.TryTake(out var kept))
        {
            if (kept.Client.IsConnected && clock.GetUtcNow() - kept.IdleSince < settings.SmtpIdleTimeout)
            {
                return (kept.Client, true);
            }

            kept.Client.Dispose();
        }

        return (null, false);
    }

    private void Keep(SmtpClient? client)
    {
        if (client is { IsConnected: true })
        {
            idle.Add((client, clock.GetUtcNow()));
        }
        else
        {
            client?.Dispose();
        }
    }

    private static async Task<SmtpClient> ConnectAsync(MailOptions settings, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)settings.SendTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, Enum.Parse<SecureSocketOptions>(settings.SmtpSecurity, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var kept))
        {
            using var client = kept.Client;
            try
            {
                using var quitting = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, quitting.Token);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or OperationCanceledException or ServiceNotConnectedException)
            {
                // Shutting down: a connection that cannot say goodbye is closed all the same.
            }
        }
    }
}
