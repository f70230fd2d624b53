using Microsoft.EntityFrameworkCore;

namespace OneOnOne.Api.Data;

/// <summary>
/// Gives every changed <see cref="IVersioned"/> row a new version as it is saved, so the next save over the old version
/// (<see cref="OneOnOneDb.ExpectVersion"/>) is a conflict.
/// </summary>
public sealed class RowVersions : BeforeSaving
{
    protected override void Saving(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
