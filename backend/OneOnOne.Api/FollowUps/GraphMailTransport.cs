using Microsoft.Graph.Models;
using OneOnOne.Api.Graph;

namespace OneOnOne.Api.FollowUps;

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
