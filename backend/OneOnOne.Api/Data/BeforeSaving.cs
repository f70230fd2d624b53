using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OneOnOne.Api.Data;

/// <summary>
/// A save interceptor that works on the pending changes just before they are saved, the same for SaveChanges and
/// SaveChangesAsync.
/// </summary>
public abstract class BeforeSaving : SaveChangesInterceptor
{
    protected abstract void Saving(DbContext context);

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Saving(context);
        }

        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Saving(context);
        }

        return ValueTask.FromResult(result);
    }
}
