using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;

namespace OneOnOne.DataGenerator;

/// <summary>What a run wrote (counted back from the database), or why it refused.</summary>
public sealed record GeneratorResult(string? Refused, IReadOnlyList<(string Table, long Rows)> Counts, TimeSpan Elapsed, long RowsWritten)
{
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Wrote {RowsWritten:N0} rows in {Elapsed.TotalSeconds:N1} s ({RowsWritten / Math.Max(0.001, Elapsed.TotalSeconds):N0} rows/s). The database now holds:");
        foreach (var (table, rows) in Counts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {table,-12} {rows,12:N0}");
        }

        return text.ToString().TrimEnd();
    }
}

/// <summary>Migrates the database, then writes the organisation batch by batch with a progress bar.</summary>
public static class Generator
{
    // Rows per transaction: large enough that commits cost little, small enough to keep memory flat.
    private const int BatchRows = 20_000;

    public static async Task<GeneratorResult> RunAsync(GeneratorOptions options, TextWriter progress, bool interactive, CancellationToken cancellationToken)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        await using var db = CreateContext(options);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await MigrateAsync(db, options, cancellationToken);

        if (await db.People.IgnoreQueryFilters().AnyAsync(p => p.TenantId.StartsWith(OrganisationShape.TenantPrefix), cancellationToken))
        {
            return new GeneratorResult(
                "The database already holds generated data (tenants starting with " + OrganisationShape.TenantPrefix + "): nothing was written. " +
                "Generate into an empty database.", [], clock.Elapsed, 0);
        }

        var shape = new OrganisationShape(options);
        var total = (long)options.People + options.Series + options.Meetings + options.Actions + options.DemoHistory * 5L;
        var bar = new ProgressBar(progress, total, interactive);
        var writer = BulkWriter.For(db);
        long done = 0, rows = 0, meetings = 0, actions = 0;
        void Report() => bar.Report(done, string.Create(CultureInfo.InvariantCulture,
            $"meetings {meetings:N0}/{options.Meetings:N0}  actions {actions:N0}/{options.Actions:N0}"));

        foreach (var people in shape.People.Chunk(BatchRows))
        {
            await writer.WriteAsync([(typeof(Person), people)], cancellationToken);
            done += people.Length;
            rows += people.Length;
            Report();
        }

        foreach (var series in shape.SeriesPlans.Select(p => p.Series).Chunk(BatchRows))
        {
            await writer.WriteAsync([(typeof(Series), series)], cancellationToken);
            done += series.Length;
            rows += series.Length;
            Report();
        }

        var batch = new Batch();
        async Task FlushAsync()
        {
            await writer.WriteAsync(
                [(typeof(Meeting), batch.Meetings), (typeof(AgendaItem), batch.AgendaItems), (typeof(Note), batch.Notes), (typeof(ActionItem), batch.ActionItems)],
                cancellationToken);
            rows += batch.Rows;
            meetings += batch.PastMeetings;
            actions += batch.ActionItems.Count;
            done += batch.PastMeetings + batch.ActionItems.Count;
            batch = new Batch();
            Report();
        }

        for (var k = 0; k < shape.SeriesPlans.Count; k++)
        {
            var plan = shape.SeriesPlans[k];
            // A generator per series: its rows do not depend on how the series are batched.
            var random = new Random(unchecked(options.Seed * 1_000_003 + k));
            var subject = string.Format(CultureInfo.InvariantCulture, Words.For(plan.Language).SubjectFormat, plan.ManagerFirstName, plan.ReportFirstName);
            SeriesHistory.Generate(batch, random, plan.Series, plan.Language, subject, NextSlot(random, options.Today),
                plan.PastMeetings, plan.Actions, options.Today, existingNext: null);
            if (batch.Rows >= BatchRows)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();

        if (options.DemoHistory > 0)
        {
            await ExtendDemoSeriesAsync(db, batch, options, cancellationToken);
            await FlushAsync();
        }

        // The bulk load wrote the action items around EF, so the series' counts of done actions are made here.
        bar.Report(total, "counting done actions per series");
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await ActionTally.RecountAsync(db, cancellationToken);

        if (options.Provider == DatabaseProvider.PostgreSql)
        {
            // What autovacuum would do a minute later; without it the first load runs on empty statistics and
            // without the visibility map that lets the pane's counts read the indexes only.
            bar.Report(total, "vacuum analyze");
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", cancellationToken);
        }

        bar.Report(total, "counting");
        return new GeneratorResult(null, await CountAsync(db, cancellationToken), clock.Elapsed, rows);
    }

    public static OneOnOneDb CreateContext(GeneratorOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteOneOnOneDb(
            DatabaseSetup.Configure(new DbContextOptionsBuilder<SqliteOneOnOneDb>(), options.Provider, options.ConnectionString).Options, new CallerScope()),
        DatabaseProvider.PostgreSql => new PostgresOneOnOneDb(
            DatabaseSetup.Configure(new DbContextOptionsBuilder<PostgresOneOnOneDb>(), options.Provider, options.ConnectionString).Options, new CallerScope()),
        DatabaseProvider.SqlServer => new SqlServerOneOnOneDb(
            DatabaseSetup.Configure(new DbContextOptionsBuilder<SqlServerOneOnOneDb>(), options.Provider, options.ConnectionString).Options, new CallerScope()),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown provider."),
    };

    public static async Task<IReadOnlyList<(string Table, long Rows)>> CountAsync(OneOnOneDb db, CancellationToken cancellationToken) =>
    [
        ("People", await db.People.IgnoreQueryFilters().LongCountAsync(cancellationToken)),
        ("Series", await db.Series.IgnoreQueryFilters().LongCountAsync(cancellationToken)),
        ("Meetings", await db.Meetings.IgnoreQueryFilters().LongCountAsync(cancellationToken)),
        ("AgendaItems", await db.AgendaItems.IgnoreQueryFilters().LongCountAsync(cancellationToken)),
        ("ActionItems", await db.ActionItems.IgnoreQueryFilters().LongCountAsync(cancellationToken)),
        ("Notes", await db.Notes.IgnoreQueryFilters().LongCountAsync(cancellationToken)),
    ];

    private static async Task MigrateAsync(OneOnOneDb db, GeneratorOptions options, CancellationToken cancellationToken)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    // A weekly slot on a working day between 08:00 and 16:30 UTC; the first one from today on is the upcoming meeting.
    private static DateTime NextSlot(Random random, DateOnly today)
    {
        var weekday = (DayOfWeek)random.Next(1, 6);
        var days = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days).ToDateTime(new TimeOnly(random.Next(8, 17), random.Next(2) * 30), DateTimeKind.Utc);
    }

    private static async Task ExtendDemoSeriesAsync(OneOnOneDb db, Batch batch, GeneratorOptions options, CancellationToken cancellationToken)
    {
        await DemoData.SeedAsync(db, TimeProvider.System, cancellationToken);
        db.ChangeTracker.Clear();
        var series = await db.Series.IgnoreQueryFilters().AsNoTracking().SingleAsync(s => s.Id == DemoData.DutchSeriesId, cancellationToken);
        var first = await db.Meetings.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.SeriesId == series.Id).OrderBy(m => m.StartUtc).FirstAsync(cancellationToken);
        SeriesHistory.Generate(batch, new Random(options.Seed), series, DemoData.DutchReport.Language, first.Subject, first.StartUtc,
            options.DemoHistory, options.DemoHistory * 4, options.Today, existingNext: first.Id);
    }
}
