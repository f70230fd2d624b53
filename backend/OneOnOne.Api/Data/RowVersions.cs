using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneOnOne.Api.Data;

/// <summary>
/// Gives every changed <see cref="IVersioned"/> row a new version as it is saved, so the next save over the old version
/// (<see cref="OneOnOneDb.ExpectVersion"/>) is a conflict.
/// </summary>
public sealed class RowVersions : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Renew(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Renew(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Renew(DbContext? db)
    {
        foreach (var entry in db?.ChangeTracker.Entries<IVersioned>() ?? [])
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
