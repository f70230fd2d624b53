using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using MimeKit;
using OneOnOne.Api.Graph;
using OneOnOne.Api.Hosting;

namespace OneOnOne.Api.FollowUps;

public sealed record MailAddress(string Address, string Name);

/// <summary>One mail; <see cref="From"/> is also the mailbox it is sent from (over Graph, where its copy is kept).</summary>
public sealed record OutgoingMail(
    MailAddress From, MailAddress To, MailAddress? ReplyTo, string Subject, string Html, string Text, Guid FollowUpId, string UnsubscribeUrl);

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
        message.From.Add(new MailboxAddress(mail.From.Name, mail.From.Address));
        message.To.Add(new MailboxAddress(mail.To.Name, mail.To.Address));
        if (mail.ReplyTo is { } replyTo)
        {
            message.ReplyTo.Add(new MailboxAddress(replyTo.Name, replyTo.Address));
        }

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
/// Over Graph with application permission, exactly once: the message is first created in the sender's mailbox carrying
/// the follow-up's id, then sent, so Exchange keeps the copy in the sender's Sent Items. Every attempt first looks that
/// message up: one already sent is not sent again, a draft left by an interrupted attempt is sent. So an attempt that
/// ended without an answer (a timeout, a 5xx after Exchange accepted, a process that died) is simply tried again.
/// </summary>
internal sealed class GraphMailTransport(GraphClients graph, GraphMailboxRefusals refusals) : IMailTransport
{
    /// <summary>A named MAPI property of the product's own property set: the follow-up's id on the message.</summary>
    public const string FollowUpIdProperty = "String {6a1c7f1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b} Name OneOnOneFollowUpId";

    public async Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var mailbox = graph.ForApplication().Users[mail.From.Address];
        var step = "find";
        try
        {
            var existing = await FindAsync(mailbox, mail.FollowUpId, cancellationToken);
            if (existing is { IsDraft: false })
            {
                return existing.Id;
            }

            step = "create";
            var draftId = existing?.Id ?? (await mailbox.Messages.PostAsync(Draft(mail), cancellationToken: cancellationToken))?.Id
                ?? throw new MailTransportException("Graph created the message but answered no id; the next attempt finds it.", retryable: true);
            step = "send";
            await mailbox.Messages[draftId].Send.PostAsync(cancellationToken: cancellationToken);
            return draftId;
        }
        catch (Exception e) when (GraphFailures.Status(e) is { } status)
        {
            if (status == 403)
            {
                throw new MailTransportException(refusals.Refused(mail.From.Address, e.Message), retryable: false, inner: e);
            }

            // A 404 when sending: the draft moved to Sent Items, because an earlier answer was lost; the next attempt finds it there.
            var retryable = status is 408 or 429 or >= 500 || (status == 404 && step == "send");
            throw new MailTransportException($"Graph answered {status} ({step}): {e.Message}", retryable, GraphFailures.RetryAfter(e), e);
        }
        catch (Exception e) when (e is TaskCanceledException or TimeoutException or HttpRequestException { StatusCode: null })
        {
            throw new MailTransportException($"Graph gave no answer ({step}: {e.Message}); the next attempt looks the message up first.", retryable: true, inner: e);
        }
    }

    private static async Task<FoundMessage?> FindAsync(
        Microsoft.Graph.Users.Item.UserItemRequestBuilder mailbox, Guid followUpId, CancellationToken cancellationToken)
    {
        var found = await mailbox.Messages.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{FollowUpIdProperty}' and ep/value eq '{followUpId:D}')";
                request.QueryParameters.Select = ["id", "isDraft"];
                request.QueryParameters.Top = 5;
            },
            cancellationToken);
        // Sent beats draft: a copy in Sent Items means the mail went out.
        var messages = found?.Value ?? [];
        var sent = messages.FirstOrDefault(m => m.IsDraft == false);
        var draft = messages.FirstOrDefault(m => m.IsDraft != false);
        return sent?.Id is { } sentId ? new FoundMessage(sentId, IsDraft: false) : draft?.Id is { } draftId ? new FoundMessage(draftId, IsDraft: true) : null;
    }

    private sealed record FoundMessage(string Id, bool IsDraft);

    private static Message Draft(OutgoingMail mail) => new()
    {
        Subject = mail.Subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = mail.Html },
        ToRecipients = [Recipient(mail.To)],
        ReplyTo = mail.ReplyTo is { } replyTo ? [Recipient(replyTo)] : null,
        InternetMessageHeaders =
        [
            new InternetMessageHeader { Name = "X-OneOnOne-FollowUp", Value = mail.FollowUpId.ToString() },
            new InternetMessageHeader { Name = "List-Unsubscribe", Value = $"<{mail.UnsubscribeUrl}>" },
            new InternetMessageHeader { Name = "List-Unsubscribe-Post", Value = "List-Unsubscribe=One-Click" },
        ],
        SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = FollowUpIdProperty, Value = mail.FollowUpId.ToString("D") }],
    };

    private static Recipient Recipient(MailAddress address) => new() { EmailAddress = new EmailAddress { Address = address.Address, Name = address.Name } };
}

/// <summary>
/// Exchange refuses the application a mailbox (403) until an administrator allows it: said once per mailbox in the log,
/// with what to configure, not once per mail.
/// </summary>
public sealed class GraphMailboxRefusals(ILogger<GraphMailboxRefusals> logger)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> reported = new(StringComparer.OrdinalIgnoreCase);

    public string Refused(string mailbox, string detail)
    {
        var reason = $"Graph refused to send as {mailbox} (403: {detail}). Allow the application's Mail.Send for this mailbox "
            + "(Exchange RBAC for applications or the application access policy, see docs/security.md), or set Mail:GraphSender to a mailbox it may use.";
        if (reported.TryAdd(mailbox, true))
        {
            logger.LogError("{Reason}", reason);
        }

        return reason;
    }
}
