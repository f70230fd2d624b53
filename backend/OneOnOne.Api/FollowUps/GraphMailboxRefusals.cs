namespace OneOnOne.Api.FollowUps;

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
