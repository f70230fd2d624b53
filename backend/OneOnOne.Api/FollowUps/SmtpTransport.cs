using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace OneOnOne.Api.FollowUps;

internal sealed class SmtpTransport(IOptions<MailOptions> options) : IMailTransport
{
    public async Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = Mime.Build(mail);
        using var client = new SmtpClient { Timeout = (int)settings.SendTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.SmtpHost, settings.SmtpPort, Enum.Parse<SecureSocketOptions>(settings.SmtpSecurity, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return message.MessageId;
        }
        catch (SmtpCommandException e)
        {
            // 4xx: try later; 5xx: the server refuses this mail (an unknown mailbox, say) and always will.
            throw new MailTransportException($"SMTP {(int)e.StatusCode}: {e.Message}", retryable: (int)e.StatusCode < 500, inner: e);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException or AuthenticationException)
        {
            throw new MailTransportException($"SMTP: {e.Message}", retryable: true, inner: e);
        }
    }
}
