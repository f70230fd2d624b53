using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace OneOnOne.Api.Data;

/// <summary>
/// Adds an <see cref="ActionAuditEntry"/> for every action item the save adds, changes or deletes. Action items hold
/// nothing private (private notes are a separate entity, never audited), so their values are recorded. The entries join
/// the same save, so an action never changes without its trail.
/// </summary>
public sealed class ActionAudit : BeforeSaving
{
    // What a person can change; bookkeeping (id, tenant, version, creation) is left out.
    private static readonly string[] Audited =
    [
        nameof(ActionItem.Text), nameof(ActionItem.OwnerId), nameof(ActionItem.DueDate), nameof(ActionItem.Status),
        nameof(ActionItem.CompletedUtc), nameof(ActionItem.CompletedInMeetingId), nameof(ActionItem.SeriesId),
    ];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    protected override void Saving(DbContext db)
    {
        var changedBy = (db as OneOnOneDb)?.ActingPersonId;
        // Entries of a save that failed are recorded again from the changes still pending.
        foreach (var stale in db.ChangeTracker.Entries<ActionAuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            stale.State = EntityState.Detached;
        }

        var now = DateTime.UtcNow;
        var entries = new List<ActionAuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries<ActionItem>())
        {
            var change = entry.State switch
            {
                EntityState.Added => AuditChange.Added,
                EntityState.Modified => AuditChange.Modified,
                EntityState.Deleted => AuditChange.Deleted,
                _ => (AuditChange?)null,
            };
            if (change is null)
            {
                continue;
            }

            var fields = Fields(entry, change.Value);
            if (fields.Count == 0)
            {
                continue;
            }

            entries.Add(new ActionAuditEntry
            {
                TenantId = entry.Entity.TenantId,
                ActionItemId = entry.Entity.Id,
                SeriesId = entry.Entity.SeriesId,
                ChangedById = changedBy,
                ChangedUtc = now,
                Change = change.Value,
                Changes = JsonSerializer.Serialize(fields, JsonOptions),
            });
        }

        db.Set<ActionAuditEntry>().AddRange(entries);
    }

    public static IReadOnlyList<AuditedField> Read(string changes) =>
        JsonSerializer.Deserialize<AuditedField[]>(changes, JsonOptions) ?? [];

    private static List<AuditedField> Fields(EntityEntry<ActionItem> entry, AuditChange change) =>
        entry.Properties
            .Where(p => Audited.Contains(p.Metadata.Name))
            .Select(p => change switch
            {
                AuditChange.Added => new AuditedField(p.Metadata.Name, null, Format(p.CurrentValue)),
                AuditChange.Deleted => new AuditedField(p.Metadata.Name, Format(p.OriginalValue), null),
                _ => new AuditedField(p.Metadata.Name, Format(p.OriginalValue), Format(p.CurrentValue)),
            })
            .Where(f => f.Old != f.New)
            .ToList();

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
