namespace OneOnOne.Api.Calendar;

/// <summary>A person as the directory (Entra ID) knows them.</summary>
public sealed record DirectoryUser(string ObjectId, string DisplayName, string? Mail, string? UserPrincipalName, bool IsGuest, bool AccountEnabled)
{
    /// <summary>The address mail goes to: the mailbox address, else the sign-in name.</summary>
    public string Address => string.IsNullOrWhiteSpace(Mail) ? UserPrincipalName ?? "" : Mail;
}
