using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneOnOne.Api.Data;

/// <summary>
/// The product's database. Each provider has its own subclass (and so its own model cache and migration set);
/// features depend on this type only.
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
        modelBuilder.Entity<Series>().HasQueryFilter(s =>
            s.TenantId == TenantId && (s.ManagerId == PersonId || s.ReportId == PersonId));
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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ActionAudit.Record(this, PersonId);
        RenewVersions();
        var tally = ActionTally.Pending(this);
        if (tally.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        if (Database.CurrentTransaction is not null)
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            ActionTally.Apply(this, tally);
            return saved;
        }

        // The counters change in the same transaction as the actions. SQL Server's retrying strategy must own that
        // transaction, and a retry must find the changes still pending: they are accepted only after the commit.
        var count = Database.CreateExecutionStrategy().Execute(() =>
        {
            using var transaction = Database.BeginTransaction();
            var saved = base.SaveChanges(acceptAllChangesOnSuccess: false);
            ActionTally.Apply(this, tally);
            transaction.Commit();
            return saved;
        });
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return count;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ActionAudit.Record(this, PersonId);
        RenewVersions();
        var tally = ActionTally.Pending(this);
        if (tally.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await ActionTally.ApplyAsync(this, tally, cancellationToken);
            return saved;
        }

        // As in SaveChanges.
        var count = await Database.CreateExecutionStrategy().ExecuteAsync(async cancel =>
        {
            await using var transaction = await Database.BeginTransactionAsync(cancel);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancel);
            await ActionTally.ApplyAsync(this, tally, cancel);
            await transaction.CommitAsync(cancel);
            return saved;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return count;
    }

    /// <summary>
    /// Makes the next save of <paramref name="entity"/> fail with a concurrency conflict unless the row still has
    /// the version the client last saw.
    /// </summary>
    public void ExpectVersion<T>(T entity, Guid expectedVersion) where T : class, IVersioned =>
        Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;

    private void RenewVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        toStore => toStore.Kind == DateTimeKind.Utc ? toStore : toStore.ToUniversalTime(),
        fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
}
