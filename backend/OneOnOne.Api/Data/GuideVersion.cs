namespace OneOnOne.Api.Data;

/// <summary>
/// One version of a tenant's conversation guide (see Guide/ConversationGuide.cs), kept as the whole guide in JSON: the
/// newest is the guide in use, the older ones are its history (who changed what, when) and what may be restored.
/// Versions are only ever added; the unique (tenant, number) makes two admins saving at once a conflict, not a loss.
/// </summary>
public sealed class GuideVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    /// <summary>1 for a tenant's first own guide, then counting up.</summary>
    public int Number { get; set; }

    public required string Guide { get; set; }

    /// <summary>What changed against the version before (GuideChange as JSON).</summary>
    public required string Change { get; set; }

    public Guid ChangedById { get; set; }

    /// <summary>Kept with the version: the history stays readable after the person is erased.</summary>
    public required string ChangedByName { get; set; }

    public DateTime ChangedUtc { get; set; } = DateTime.UtcNow;
}
