using Microsoft.Extensions.Options;
using OneOnOne.Api.Graph;
using GraphUser = Microsoft.Graph.Models.User;

namespace OneOnOne.Api.Calendar;

/// <summary>
/// The directory through Microsoft Graph with the application permission <c>User.Read.All</c> (a person's account state
/// and guest flag are beyond what <c>User.ReadBasic.All</c> shows, and background jobs read it without a user).
/// </summary>
public sealed class GraphDirectory(GraphClients graph, IOptions<CalendarOptions> options) : IDirectory
{
    private static readonly string[] Fields = ["id", "displayName", "mail", "userPrincipalName", "userType", "accountEnabled"];

    public async Task<DirectoryUser?> FindByAddressAsync(string tenantId, string address, CancellationToken cancellationToken)
    {
        var quoted = address.Trim().Replace("'", "''", StringComparison.Ordinal);
        var found = await ReadAsync(cancel => graph.ForApplication(tenantId).Users.GetAsync(request =>
        {
            // proxyAddresses is an advanced query: it needs $count and ConsistencyLevel: eventual.
            request.QueryParameters.Filter = $"mail eq '{quoted}' or userPrincipalName eq '{quoted}' or proxyAddresses/any(p:p eq 'smtp:{quoted}')";
            request.QueryParameters.Select = Fields;
            request.QueryParameters.Count = true;
            request.QueryParameters.Top = 2;
            request.Headers.Add("ConsistencyLevel", "eventual");
        }, cancel), cancellationToken);
        // Two people answering to one address is a directory to fix, not a person to guess.
        return found?.Value is [var user] ? ToUser(user) : null;
    }

    public async Task<DirectoryUser?> GetAsync(string tenantId, string objectId, CancellationToken cancellationToken)
    {
        var user = await ReadAsync(cancel => graph.ForApplication(tenantId).Users[objectId].GetAsync(request => request.QueryParameters.Select = Fields, cancel), cancellationToken);
        return user is null ? null : ToUser(user);
    }

    private Task<T?> ReadAsync<T>(Func<CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
        where T : class =>
        GraphFailures.ReadOrNullAsync(read, options.Value.RequestTimeout, "The directory", cancellationToken);

    private static DirectoryUser ToUser(GraphUser user) => new(
        user.Id ?? "",
        user.DisplayName ?? user.UserPrincipalName ?? "",
        user.Mail,
        user.UserPrincipalName,
        IsGuest: string.Equals(user.UserType, "Guest", StringComparison.OrdinalIgnoreCase) || user.UserPrincipalName?.Contains("#EXT#", StringComparison.Ordinal) == true,
        AccountEnabled: user.AccountEnabled != false);
}
