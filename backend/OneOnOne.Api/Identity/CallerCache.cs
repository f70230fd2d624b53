using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Identity;

/// <summary>
/// Who each token's (tenant, object id) is, kept by this instance, so a read does not look its caller up in the
/// database. An entry lives <c>Identity:CallerCacheLifetime</c> (30 seconds): a change of name, language or time zone
/// saved by another instance is seen here within that time, one saved by this instance at once (the cache is also a
/// save interceptor that drops the people a save changes). It decides nothing about access: which series a person is
/// part of and in which role is read by every query, and an erased person's queries find nothing at once, on every
/// instance (the Series filter in <see cref="OneOnOneDb"/>).
/// </summary>
public sealed class CallerCache(TimeProvider clock, IConfiguration configuration) : BeforeSaving
{
    // Far more people than one instance serves within a lifetime; past it the cache starts again rather than grow.
    private const int MaxEntries = 100_000;

    private readonly TimeSpan lifetime = configuration.GetValue("Identity:CallerCacheLifetime", TimeSpan.FromSeconds(30));
    private readonly ConcurrentDictionary<(string TenantId, string ObjectId), Entry> entries = new();
    private readonly ConditionalWeakTable<DbContext, List<(string, string)>> changing = [];
    private long generation;

    /// <param name="TokenName">The name and address the token carried when the person was read: a token with others refreshes the row.</param>
    private sealed record Entry(Person Person, string? TokenName, string? TokenEmail, DateTimeOffset Expires);

    /// <summary>Changes with every drop, so a read that raced with a save does not keep what it read.</summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>A copy of the person, when this instance read them within the lifetime from a token that said the same.</summary>
    public Person? Find(string tenantId, string objectId, string? tokenName, string? tokenEmail) =>
        entries.TryGetValue((tenantId, objectId), out var entry)
            && entry.Expires > clock.GetUtcNow() && entry.TokenName == tokenName && entry.TokenEmail == tokenEmail
            ? entry.Person.Copy()
            : null;

    /// <param name="generationBeforeRead">The <see cref="Generation"/> from before the person was read from the database.</param>
    public void Remember(Person person, string? tokenName, string? tokenEmail, long generationBeforeRead)
    {
        if (lifetime <= TimeSpan.Zero || person.ObjectId is null)
        {
            return;
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        var key = (person.TenantId, person.ObjectId);
        var entry = new Entry(person.Copy(), tokenName, tokenEmail, clock.GetUtcNow() + lifetime);
        entries[key] = entry;
        if (Generation != generationBeforeRead)
        {
            // A save dropped people while this one was read: what was read may be from before it.
            entries.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        DropSaved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        DropSaved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // Dropped before the save and again after it: a request between the two may have read the row as it was.
    protected override void Saving(DbContext context)
    {
        var keys = new List<(string, string)>();
        foreach (var person in context.ChangeTracker.Entries<Person>())
        {
            if (person.State is EntityState.Modified or EntityState.Deleted && person.Property(p => p.ObjectId).OriginalValue is { } objectId)
            {
                keys.Add((person.Property(p => p.TenantId).OriginalValue, objectId));
            }
        }

        if (keys.Count > 0)
        {
            changing.AddOrUpdate(context, keys);
            Drop(keys);
        }
    }

    private void DropSaved(DbContext? context)
    {
        if (context is not null && changing.TryGetValue(context, out var keys))
        {
            changing.Remove(context);
            Drop(keys);
        }
    }

    private void Drop(List<(string, string)> keys)
    {
        Interlocked.Increment(ref generation);
        foreach (var key in keys)
        {
            entries.TryRemove(key, out _);
        }
    }
}
