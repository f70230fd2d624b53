using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using OneOnOne.Api.Data;
using OneOnOne.Api.Prompts;

namespace OneOnOne.Api.Guide;

/// <summary>A tenant's guide as a version of it holds it.</summary>
public sealed record StoredGuide(int Number, ConversationGuide Guide, GuideChange Change, DateTime ChangedUtc, string ChangedByName);

/// <summary>Two admins saved at once: the other one's version is the current one now.</summary>
public sealed class GuideConflictException(StoredGuide? current) : Exception("The guide was changed by someone else.")
{
    public StoredGuide? Current { get; } = current;
}

/// <summary>
/// The conversation guide of a tenant: its own newest version, or the built-in one. The panes, the notes document and
/// the mails read it through <see cref="PromptsAsync"/> and <see cref="OwnAsync"/>, which keep it for a short while
/// per instance: every instance sees an admin's change within <see cref="CacheFor"/>, the one that saved it at once
/// (unless a read that began before the save puts the older guide back; then it too waits out <see cref="CacheFor"/>).
/// </summary>
public sealed class TenantGuides(OneOnOneDb db, IMemoryCache cache, FollowUpTiming configuredTiming, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>How a guide is stored and exported: the API's casing, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A tenant's own guide, with its prompts as the prompt selection takes them.</summary>
    public sealed record OwnGuide(ConversationGuide Guide, IReadOnlyList<FeedbackPrompt> Prompts);

    // A tenant without a guide is remembered too.
    private sealed record Cached(OwnGuide? Own);

    public ConversationGuide BuiltIn => ConversationGuide.BuiltIn(configuredTiming.ReminderLead, configuredTiming.RecapDelay);

    /// <summary>The tenant's own guide in use, or null when it has none (the built-in one applies).</summary>
    public async Task<OwnGuide?> OwnAsync(string tenantId, CancellationToken cancellationToken) =>
        (await CachedAsync(tenantId, cancellationToken)).Own;

    /// <summary>
    /// When the tenant's follow-ups are due: its guide's timing, else the configured one. Read fresh, as the sweep reads
    /// it: a job and the sweep that disagreed for the cache's lifetime would move a follow-up back and forth.
    /// </summary>
    public async Task<FollowUpTiming> TimingAsync(string tenantId, CancellationToken cancellationToken) =>
        await NewestAsync(db, tenantId, cancellationToken) is { } guide ? TimingOf(guide) : configuredTiming;

    /// <summary>
    /// The timing of every tenant whose guide sets one (read fresh, for the follow-up sweep); tenants not in it use
    /// the configured timing.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, FollowUpTiming>> OwnTimingsAsync(CancellationToken cancellationToken)
    {
        var latest = await db.GuideVersions.AsNoTracking()
            .Where(g => !db.GuideVersions.Any(newer => newer.TenantId == g.TenantId && newer.Number > g.Number))
            .Select(g => new { g.TenantId, g.Guide })
            .ToListAsync(cancellationToken);
        return latest.ToDictionary(g => g.TenantId, g => TimingOf(Parse(g.Guide)));
    }

    private static FollowUpTiming TimingOf(ConversationGuide guide) =>
        new(TimeSpan.FromHours(guide.Defaults.ReminderLeadHours), TimeSpan.FromMinutes(guide.Defaults.RecapDelayMinutes));

    /// <summary>The prompts of the tenant's own guide, or null for the built-in library.</summary>
    public async Task<IReadOnlyList<FeedbackPrompt>?> PromptsAsync(string tenantId, CancellationToken cancellationToken) =>
        (await OwnAsync(tenantId, cancellationToken))?.Prompts;

    /// <summary>
    /// The guide of a tenant's newest version, or null, read from the database (not the cache): also for the standing
    /// items' interceptor, which has a context but no <see cref="TenantGuides"/>.
    /// </summary>
    public static async Task<ConversationGuide?> NewestAsync(OneOnOneDb db, string tenantId, CancellationToken cancellationToken) =>
        await Versions(db, tenantId).Select(g => g.Guide).FirstOrDefaultAsync(cancellationToken) is { } json ? Parse(json) : null;

    public async Task<StoredGuide?> LatestAsync(string tenantId, CancellationToken cancellationToken)
    {
        var latest = await Versions(db, tenantId).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : Read(latest);
    }

    public async Task<StoredGuide?> VersionAsync(string tenantId, int number, CancellationToken cancellationToken)
    {
        var version = await db.GuideVersions.AsNoTracking().FirstOrDefaultAsync(g => g.TenantId == tenantId && g.Number == number, cancellationToken);
        return version is null ? null : Read(version);
    }

    public async Task<IReadOnlyList<StoredGuide>> HistoryAsync(string tenantId, CancellationToken cancellationToken) =>
        (await Versions(db, tenantId).ToListAsync(cancellationToken))
            .Select(Read).ToList();

    /// <summary>
    /// Adds <paramref name="guide"/> as the tenant's next version, when <paramref name="expected"/> is still the current one
    /// (0: the built-in guide); otherwise a <see cref="GuideConflictException"/> with the current version.
    /// </summary>
    public async Task<StoredGuide> SaveAsync(
        string tenantId, int expected, ConversationGuide guide, Guid changedById, string changedByName, CancellationToken cancellationToken,
        int? restoredFrom = null, bool imported = false)
    {
        var current = await LatestAsync(tenantId, cancellationToken);
        if ((current?.Number ?? 0) != expected)
        {
            throw new GuideConflictException(current);
        }

        var change = GuideChange.Between(current?.Guide ?? BuiltIn, guide, restoredFrom, imported);
        var version = new GuideVersion
        {
            TenantId = tenantId,
            Number = expected + 1,
            Guide = JsonSerializer.Serialize(guide, Json),
            Change = JsonSerializer.Serialize(change, Json),
            ChangedById = changedById,
            ChangedByName = changedByName,
            ChangedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.GuideVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(version).State = EntityState.Detached;
            // The unique (tenant, number): another admin's version got there first. Anything else is not a conflict.
            if (await LatestAsync(tenantId, cancellationToken) is { } newer && newer.Number > expected)
            {
                throw new GuideConflictException(newer);
            }

            throw;
        }

        cache.Remove(CacheKey(tenantId));
        return Read(version);
    }

    private async Task<Cached> CachedAsync(string tenantId, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(CacheKey(tenantId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var guide = await NewestAsync(db, tenantId, cancellationToken);
            return new Cached(guide is null ? null : new OwnGuide(guide, guide.FeedbackPrompts()));
        }))!;

    private static string CacheKey(string tenantId) => $"guide:{tenantId}";

    /// <summary>A tenant's versions, newest first.</summary>
    private static IQueryable<GuideVersion> Versions(OneOnOneDb db, string tenantId) =>
        db.GuideVersions.AsNoTracking().Where(g => g.TenantId == tenantId).OrderByDescending(g => g.Number);

    private static ConversationGuide Parse(string json) => JsonSerializer.Deserialize<ConversationGuide>(json, Json)!;

    private static StoredGuide Read(GuideVersion version) => new(
        version.Number,
        Parse(version.Guide),
        JsonSerializer.Deserialize<GuideChange>(version.Change, Json)!,
        version.ChangedUtc,
        version.ChangedByName);
}
