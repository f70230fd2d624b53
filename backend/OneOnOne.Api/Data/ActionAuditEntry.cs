namespace OneOnOne.Api.Data;

/// <summary>
/// Who changed an action item, when and what. Written by the context itself (<see cref="ActionAudit"/>) in the same
/// save as the change, so no endpoint can forget it. Not tied to the action by a foreign key: the trail outlives a
/// deleted action.
/// </summary>
public sealed class ActionAuditEntry
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string TenantId { get; set; }

    public Guid ActionItemId { get; set; }

    public Guid SeriesId { get; set; }
    public Series Series { get; set; } = null!;

    /// <summary>The person whose request made the change; null for the server's own work (a background job).</summary>
    public Guid? ChangedById { get; set; }

    public DateTime ChangedUtc { get; set; }

    public AuditChange Change { get; set; }

    /// <summary>JSON: the changed fields with their old and new values (see <see cref="ActionAudit"/>).</summary>
    public required string Changes { get; set; }
}
