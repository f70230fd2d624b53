using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.DataGenerator;

namespace OneOnOne.Api.Tests.Scale;

/// <summary>The data generator at a small size: the counts it promises, the shapes the product relies on, and its refusal.</summary>
public sealed class DataGeneratorTests : IDisposable
{
    private static readonly DateOnly Today = new(2026, 11, 26);
    private readonly string folder = Directory.CreateTempSubdirectory("oneonone-generator-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public Task Sqlite_gets_the_organisation_it_asked_for() => GeneratesAsync(Sqlite("organisation"));

    [Fact]
    public async Task PostgreSql_gets_the_organisation_it_asked_for()
    {
        Assert.SkipWhen(PostgresServer.SkipReason is not null && Environment.GetEnvironmentVariable("CI") != "true", PostgresServer.SkipReason ?? "");
        var database = $"oneonone_generator_{Guid.NewGuid():N}";
        try
        {
            await GeneratesAsync(Small(DatabaseProvider.PostgreSql, PostgresServer.ConnectionStringFor(database)));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_rows()
    {
        var first = Sqlite("first");
        var second = Sqlite("second");
        await Generator.RunAsync(first, TextWriter.Null, interactive: false, Cancel);
        await Generator.RunAsync(second, TextWriter.Null, interactive: false, Cancel);

        Assert.Equal(await FingerprintAsync(first), await FingerprintAsync(second));
    }

    private async Task GeneratesAsync(GeneratorOptions options)
    {
        var progress = new StringWriter();
        var result = await Generator.RunAsync(options, progress, interactive: false, Cancel);

        Assert.Null(result.Refused);
        Assert.Contains("100%", progress.ToString(), StringComparison.Ordinal);
        await using var db = Generator.CreateContext(options);
        var today = Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Assert.Equal(50, await db.People.IgnoreQueryFilters().CountAsync(Cancel));
        Assert.Equal(20, await db.Series.IgnoreQueryFilters().CountAsync(Cancel));
        Assert.Equal(200, await db.Meetings.IgnoreQueryFilters().CountAsync(m => m.StartUtc < today, Cancel));
        // Every series also has its next meeting, once.
        Assert.Equal(20, await db.Meetings.IgnoreQueryFilters().CountAsync(m => m.StartUtc >= today, Cancel));
        Assert.Equal(500, await db.ActionItems.IgnoreQueryFilters().CountAsync(Cancel));

        var pairs = await db.Series.IgnoreQueryFilters()
            .Select(s => new { s.TenantId, s.ManagerId, ManagerTenant = s.Manager.TenantId, s.ReportId, ReportTenant = s.Report.TenantId })
            .ToListAsync(Cancel);
        Assert.All(pairs, s =>
        {
            Assert.NotEqual(s.ManagerId, s.ReportId);
            Assert.Equal(s.TenantId, s.ManagerTenant);
            Assert.Equal(s.TenantId, s.ReportTenant);
        });
        Assert.True(pairs.Select(s => s.TenantId).Distinct().Count() > 1, "the organisation spans several tenants");

        // The shapes the pane shows: open, done and overdue actions; shared and private notes; talking points still open.
        var actions = await db.ActionItems.IgnoreQueryFilters().Select(a => new { a.Status, a.DueDate }).ToListAsync(Cancel);
        Assert.Contains(actions, a => a.Status == ActionStatus.Done);
        Assert.Contains(actions, a => a.Status == ActionStatus.Open && a.DueDate >= Today);
        Assert.Contains(actions, a => a.Status == ActionStatus.Open && a.DueDate < Today);
        var notes = await db.Notes.IgnoreQueryFilters().Select(n => n.Visibility).ToListAsync(Cancel);
        Assert.Contains(NoteVisibility.Shared, notes);
        Assert.Contains(NoteVisibility.Private, notes);
        Assert.True(await db.AgendaItems.IgnoreQueryFilters().AnyAsync(a => a.DiscussedInMeetingId == null, Cancel));
        var languages = await db.People.IgnoreQueryFilters().Select(p => p.Language).Distinct().ToListAsync(Cancel);
        Assert.Contains("nl", languages);
        Assert.Contains("en", languages);

        var again = await Generator.RunAsync(options, TextWriter.Null, interactive: false, Cancel);
        Assert.Contains("already holds generated data", again.Refused, StringComparison.Ordinal);
        Assert.Equal(50, await db.People.IgnoreQueryFilters().CountAsync(Cancel));
    }

    private static async Task<string> FingerprintAsync(GeneratorOptions options)
    {
        await using var db = Generator.CreateContext(options);
        var series = await db.Series.IgnoreQueryFilters().OrderBy(s => s.Id).Select(s => s.Id + s.PairKey).ToListAsync(Cancel);
        var actions = await db.ActionItems.IgnoreQueryFilters().OrderBy(a => a.Id).Select(a => a.Id + a.Text + a.Status).ToListAsync(Cancel);
        return string.Join('|', series.Concat(actions));
    }

    private GeneratorOptions Sqlite(string name) =>
        Small(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, name + ".db")};Pooling=False");

    private static GeneratorOptions Small(DatabaseProvider provider, string connectionString) => new()
    {
        Provider = provider,
        ConnectionString = connectionString,
        People = 50,
        Series = 20,
        Meetings = 200,
        Actions = 500,
        Today = Today,
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
