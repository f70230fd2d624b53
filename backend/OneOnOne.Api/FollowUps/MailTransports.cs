using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using MimeKit;
using OneOnOne.Api.Graph;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.FollowUps;

public sealed record OutgoingMail(
    string FromAddress, string FromName, string ToAddress, string ToName, string Subject, string Html, string Text, Guid FollowUpId, string UnsubscribeUrl);

/// <summary>
/// A send that did not go through. <see cref="Retryable"/> only when the mail was certainly not accepted, so a
/// retry cannot send it twice; <see cref="RetryAfter"/> when the transport said how long to wait.
/// </summary>
public sealed class MailTransportException(string message, bool retryable, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool Retryable { get; } = retryable;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>Sends one mail and answers the transport's message id. Three transports, chosen by configuration.</summary>
public interface IMailTransport
{
    Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

internal static class Mime
{
    public static MimeMessage Build(OutgoingMail mail)
    {
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            MessageId = $"{mail.FollowUpId:N}@oneonone",
            Body = new BodyBuilder { HtmlBody = mail.Html, TextBody = mail.Text }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        // One-click unsubscribe (RFC 8058): mail clients show their own button for it.
        message.Headers.Add("List-Unsubscribe", $"<{mail.UnsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("X-OneOnOne-FollowUp", mail.FollowUpId.ToString());
        return message;
    }
}

internal sealed class PickupFolderTransport(IOptions<MailOptions> options, AppPaths paths) : IMailTransport
{
    public string Folder { get; } = Path.Combine(paths.DataFolder, options.Value.PickupFolder);

    public async Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var message = Mime.Build(mail);
        var file = Path.Combine(Folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{mail.FollowUpId:N}.eml");
        // Written aside and moved in, so a reader of the folder never sees half a mail.
        var temporary = file + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, file, overwrite: true);
        return message.MessageId;
    }
}

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

/// <summary>
/// users/{sender}/sendMail with application permission. Graph answers 202 before delivery; the SDK's handler
/// already retried 429/503/504. What still fails with a clear refusal is retried later; a timeout may have been
/// accepted, so it is not.
/// </summary>
internal sealed class GraphMailTransport(GraphClients graph) : IMailTransport
{
    public async Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var body = new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
        {
            SaveToSentItems = false,
            Message = new Message
            {
                Subject = mail.Subject,
                Body = new ItemBody { ContentType = BodyType.Html, Content = mail.Html },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = mail.ToAddress, Name = mail.ToName } }],
                InternetMessageHeaders =
                [
                    new InternetMessageHeader { Name = "X-OneOnOne-FollowUp", Value = mail.FollowUpId.ToString() },
                ],
            },
        };
        try
        {
            await graph.ForApplication().Users[mail.FromAddress].SendMail.PostAsync(body, cancellationToken: cancellationToken);
            return $"graph:{mail.FollowUpId:N}";
        }
        catch (Exception e) when (GraphFailures.Status(e) is { } status)
        {
            var retryable = status is 408 or 429 or >= 500;
            throw new MailTransportException($"Graph sendMail answered {status}: {e.Message}", retryable, GraphFailures.RetryAfter(e), e);
        }
        catch (Exception e) when (e is TaskCanceledException or TimeoutException or HttpRequestException { StatusCode: null })
        {
            throw new MailTransportException($"Graph sendMail gave no answer ({e.Message}); it may have been accepted, so it is not sent again.", retryable: false, inner: e);
        }
    }
}
