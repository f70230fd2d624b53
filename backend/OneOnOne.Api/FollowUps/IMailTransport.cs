namespace OneOnOne.Api.FollowUps;

/// <summary>Sends one mail and answers the transport's message id. Three transports, chosen by configuration.</summary>
public interface IMailTransport
{
    Task<string?> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
