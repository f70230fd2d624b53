using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneOnOne.Api.Data;

/// <summary>
/// The product's database. Each provider has its own subclass (and so its own model cache and migration set);
/// features depend on this type only. What a save does besides saving (versions, the action audit and tally, the
/// guide's standing items, the live announcements) are interceptors, registered in order in Program.cs.
/// </summary>
public abstract class OneOnOneDb(DbContextOptions options, CallerScope caller) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection keys (they sign the unsubscribe links), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Person> People => Set<Person>();
    public DbSet<Series> Series => Set<Series>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    /// <summary>Not filtered: read by tenant explicitly (Guide/TenantGuides.cs), also by background work without a caller.</summary>
    public DbSet<GuideVersion> GuideVersions => Set<GuideVersion>();
    public DbSet<ActionAuditEntry> ActionAuditEntries => Set<ActionAuditEntry>();
    public DbSet<LinkedEvent> LinkedEvents => Set<LinkedEvent>();

    /// <summary>Not filtered: no caller reads them; the notification endpoint and the renewal job work across tenants.</summary>
    public DbSet<CalendarSubscription> CalendarSubscriptions => Set<CalendarSubscription>();

    // Read by the query filters; EF evaluates them per query, not once per model.
    private string? TenantId => caller.TenantId;
    private Guid? PersonId => caller.PersonId;

    /// <summary>The person whose request this context serves; null in background work (the calendar, follow-ups).</summary>
    public Guid? ActingPersonId => caller.PersonId;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        // Every filtered entity is filtered consistently with its principal, so the required-navigation warning does not apply.
        optionsBuilder.ConfigureWarnings(w => w.Ignore(CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OneOnOneDb).Assembly);

        // Privacy lives here, not in each endpoint: a tenant sees only its rows, a person only the series they are
        // part of, and a private note only its author. A row of a series is visible exactly when its series is (the
        // series' own filter holds the tenant); repeating the tenant on every row would make each count read the
        // rows instead of an index.
        modelBuilder.Entity<Person>().HasQueryFilter(p => p.TenantId == TenantId);
        // An erased person (no object id) is part of no series any more, from the moment the erasure is saved: the
        // person a request acts for may come from an instance's cache of callers (Identity/CallerCache).
        modelBuilder.Entity<Series>().HasQueryFilter(s =>
            s.TenantId == TenantId && (s.ManagerId == PersonId || s.ReportId == PersonId)
            && People.Any(p => p.Id == PersonId && p.ObjectId != null));
        modelBuilder.Entity<Meeting>().HasQueryFilter(m => m.Series.ManagerId == PersonId || m.Series.ReportId == PersonId);
        modelBuilder.Entity<AgendaItem>().HasQueryFilter(a => a.Meeting.Series.ManagerId == PersonId || a.Meeting.Series.ReportId == PersonId);
        modelBuilder.Entity<ActionItem>().HasQueryFilter(a => a.Series.ManagerId == PersonId || a.Series.ReportId == PersonId);
        modelBuilder.Entity<Note>().HasQueryFilter(n =>
            (n.Meeting.Series.ManagerId == PersonId || n.Meeting.Series.ReportId == PersonId)
            && (n.OwnerKey == Guid.Empty || n.OwnerKey == PersonId));
        modelBuilder.Entity<FollowUp>().HasQueryFilter(f => f.TenantId == TenantId && f.RecipientId == PersonId);
        modelBuilder.Entity<LinkedEvent>().HasQueryFilter(l => l.Series.ManagerId == PersonId || l.Series.ReportId == PersonId);
        modelBuilder.Entity<ActionAuditEntry>().HasQueryFilter(a => a.Series.ManagerId == PersonId || a.Series.ReportId == PersonId);
    }

    /// <summary>
    /// Makes the next save of <paramref name="entity"/> fail with a concurrency conflict unless the row still has
    /// the version the client last saw.
    /// </summary>
    public void ExpectVersion<T>(T entity, Guid expectedVersion) where T : class, IVersioned =>
        Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        toStore => toStore.Kind == DateTimeKind.Utc ? toStore : toStore.ToUniversalTime(),
        fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
}
