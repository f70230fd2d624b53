namespace OneOnOne.Api.Data;

public sealed class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    /// <summary>
    /// The directory object id (<c>oid</c>): with the tenant, the person's identity. Null only for an erased person.
    /// Name and address are refreshed from the token and the directory, never used to find someone.
    /// </summary>
    public string? ObjectId { get; set; }

    /// <summary>Whether the directory still has an enabled account for the person; their series' follow-ups end when not.</summary>
    public AccountState AccountState { get; set; } = AccountState.Active;

    /// <summary>When the directory was last asked about the person.</summary>
    public DateTime? DirectoryCheckedUtc { get; set; }

    public required string DisplayName { get; set; }

    public string Email { get; private set; } = "";

    /// <summary>Lower-case copy for lookups: collations differ per provider, this column does not.</summary>
    public string NormalizedEmail { get; private set; } = "";

    /// <summary>"nl" or "en"; null means "follow the client's language".</summary>
    public string? Language { get; set; }

    /// <summary>
    /// The time zone of the person's device (IANA or Windows id), as the pane reports it; null until it does. Mails to
    /// the person are written in it, else in FollowUps:TimeZone.
    /// </summary>
    public string? TimeZone { get; set; }

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    // One-click opt-outs of each kind of follow-up mail.
    public bool NoRecaps { get; set; }
    public bool NoReminders { get; set; }
    public bool NoDigests { get; set; }

    /// <summary>
    /// Takes over the name and address that the token or the directory gives now; a blank one keeps what is there.
    /// Answers whether anything changed. They are attributes: nothing finds a person by them.
    /// </summary>
    public bool Refresh(string? displayName, string? email)
    {
        var changed = false;
        var name = Clip(UserText.CleanLine(displayName), Limits.DisplayName);
        if (name.Length > 0 && name != DisplayName)
        {
            DisplayName = name;
            changed = true;
        }

        var address = Clip((email ?? "").Trim(), Limits.Email);
        if (address.Length > 0 && Normalize(address) != NormalizedEmail)
        {
            SetEmail(address);
            changed = true;
        }

        return changed;
    }

    /// <summary>A copy that no context tracks, for a cache that hands the person to many requests.</summary>
    public Person Copy() => (Person)MemberwiseClone();

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];

    public void SetEmail(string email)
    {
        Email = email.Trim();
        NormalizedEmail = Normalize(email);
    }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
