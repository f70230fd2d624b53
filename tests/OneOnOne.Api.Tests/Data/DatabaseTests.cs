using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Data;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Data;

/// <summary>The database itself: the demo data, the privacy filters every query gets, and optimistic concurrency.</summary>
public abstract class DatabaseTests(ApiFactory api) : ProviderTests(api)
{
    [Fact]
    public async Task Demo_data_is_there_once_and_a_second_seed_adds_nothing()
    {
        var before = await CountAllAsync();

        await Api.WithDbAsync(async db =>
        {
            await DemoData.SeedAsync(db, TimeProvider.System, Cancel);
            return 0;
        });

        Assert.Equal(before, await CountAllAsync());
        Assert.Equal((7, 3, 10, 15, 7), before);
    }

    private Task<(int People, int Series, int Meetings, int Agenda, int Actions)> CountAllAsync() =>
        Api.WithDbAsync(async db => (
            await db.People.IgnoreQueryFilters().CountAsync(p => p.TenantId == DemoData.TenantId, Cancel),
            await db.Series.IgnoreQueryFilters().CountAsync(s => s.TenantId == DemoData.TenantId, Cancel),
            await db.Meetings.IgnoreQueryFilters().CountAsync(m => m.TenantId == DemoData.TenantId, Cancel),
            await db.AgendaItems.IgnoreQueryFilters().CountAsync(a => a.TenantId == DemoData.TenantId, Cancel),
            await db.ActionItems.IgnoreQueryFilters().CountAsync(a => a.TenantId == DemoData.TenantId, Cancel)));

    [Fact]
    public async Task The_database_filters_by_tenant_participant_and_private_note_author()
    {
        var seen = async (string tenant, Guid? person) =>
        {
            await using var scope = Api.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CallerScope>().Set(tenant, person);
            var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
            return (
                Series: await db.Series.CountAsync(Cancel),
                Meetings: await db.Meetings.CountAsync(Cancel),
                Agenda: await db.AgendaItems.CountAsync(Cancel),
                Actions: await db.ActionItems.CountAsync(Cancel),
                PrivateNotes: await db.Notes.CountAsync(n => n.Visibility == NoteVisibility.Private, Cancel),
                People: await db.People.CountAsync(Cancel));
        };

        var manager = await seen(DemoData.TenantId, DemoData.Manager.Id);
        var dutchReport = await seen(DemoData.TenantId, DemoData.DutchReport.Id);
        var colleague = await seen(DemoData.TenantId, DemoData.Stranger.Id);
        var otherTenant = await seen(Guid.NewGuid().ToString(), DemoData.Manager.Id);

        Assert.Equal((2, 8, 12, 6, 2, 7), manager);
        Assert.Equal((1, 4, 6, 3, 0, 7), dutchReport);
        Assert.Equal((0, 0, 0, 0, 0, 7), colleague);
        Assert.Equal((0, 0, 0, 0, 0, 0), otherTenant);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_instants_come_back_as_utc()
    {
        await using var scope = Api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerScope>().Set(DemoData.TenantId, DemoData.Manager.Id);
        var db = scope.ServiceProvider.GetRequiredService<OneOnOneDb>();
        var meeting = await db.Meetings.OrderBy(m => m.StartUtc).FirstAsync(Cancel);
        var seenVersion = meeting.Version;

        meeting.Goal = "First edit";
        await db.SaveChangesAsync(Cancel);
        meeting.Goal = "Second edit from a stale copy";
        db.ExpectVersion(meeting, seenVersion);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Cancel));
        Assert.Equal(DateTimeKind.Utc, meeting.StartUtc.Kind);
        var reread = await Api.WithDbAsync(other => other.Meetings.IgnoreQueryFilters().SingleAsync(m => m.Id == meeting.Id, Cancel));
        Assert.Equal(DateTimeKind.Utc, reread.StartUtc.Kind);
        Assert.Equal("First edit", reread.Goal);
    }
}

public sealed class SqliteDatabaseTests(SqliteApiFactory api) : DatabaseTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresDatabaseTests(PostgresApiFactory api) : DatabaseTests(api), IClassFixture<PostgresApiFactory>;
