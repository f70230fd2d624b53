using MimeKit;

namespace OneOnOne.Api.FollowUps;

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
