using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Foundation;

public abstract class FoundationTests(ApiFactory api) : ProviderTests(api)
{
    [Fact]
    public async Task Health_checks_the_database_and_answers_healthy()
    {
        var response = await Api.CreateClient().GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_development_token_for_the_demo_manager_signs_her_in()
    {
        var client = Api.CreateClient();
        var token = await client.PostAsJsonAsync("/dev/token", new { email = DemoData.Manager.Email.ToUpperInvariant() }, Cancel);
        token.EnsureSuccessStatusCode();
        var issued = await token.Content.ReadFromJsonAsync<DevTokenResponse>(Cancel);
        client.DefaultRequestHeaders.Authorization = new("Bearer", issued!.AccessToken);

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me", Cancel);

        Assert.Equal(DemoData.Manager.Id, me!.Id);
        Assert.Equal("Sanne Visser", me.DisplayName);
        Assert.Equal("nl", me.Language);
    }

    [Fact]
    public async Task A_development_token_without_an_email_is_for_the_first_demo_person()
    {
        var client = Api.CreateClient();

        var withoutBody = await client.PostAsync("/dev/token", content: null, Cancel);
        var withoutEmail = await client.PostAsJsonAsync("/dev/token", new { }, Cancel);

        foreach (var response in new[] { withoutBody, withoutEmail })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var issued = await response.Content.ReadFromJsonAsync<DevTokenResponse>(Cancel);
            Assert.Equal(DemoData.People[0].Email, issued!.Email);
        }
    }

    [Fact]
    public async Task Development_tokens_are_only_for_demo_people()
    {
        var response = await Api.CreateClient().PostAsJsonAsync("/dev/token", new { email = "someone@elsewhere.test" }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_first_sign_in_enrolls_the_person_once_and_follows_their_language()
    {
        var person = TestPerson.New();
        var dutchClient = Api.ClientFor(person, language: "nl-NL,nl;q=0.9,en;q=0.5");

        var first = await dutchClient.GetFromJsonAsync<MeResponse>("/api/me", Cancel);
        var second = await dutchClient.GetFromJsonAsync<MeResponse>("/api/me", Cancel);
        var english = await Api.ClientFor(person, language: "en-GB").GetFromJsonAsync<MeResponse>("/api/me", Cancel);

        Assert.Equal(first!.Id, second!.Id);
        Assert.Equal("nl", first.Language);
        Assert.Null(first.PreferredLanguage);
        Assert.Equal("en", english!.Language);
        Assert.Equal(person.Email, first.Email);
    }

    [Fact]
    public async Task A_chosen_language_wins_over_the_client_and_an_unknown_one_is_refused()
    {
        var client = Api.ClientFor(TestPerson.New(), language: "en");

        var chosen = await client.PutAsJsonAsync("/api/me/language", new { language = "nl" }, Cancel);
        var refused = await client.PutAsJsonAsync("/api/me/language", new { language = "fr" }, Cancel);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me", Cancel);

        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("nl", me!.Language);
        Assert.Equal("nl", me.PreferredLanguage);
    }

    [Fact]
    public async Task The_devices_time_zone_is_kept_an_unknown_one_is_refused_and_null_forgets_it()
    {
        var client = Api.ClientFor(TestPerson.New(), language: "nl");

        var kept = await client.PutAsJsonAsync("/api/me/time-zone", new { timeZone = "Europe/London" }, Cancel);
        var refused = await client.PutAsJsonAsync("/api/me/time-zone", new { timeZone = "Mars/Olympus" }, Cancel);
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me", Cancel);
        var forgotten = await client.PutAsJsonAsync("/api/me/time-zone", new { timeZone = (string?)null }, Cancel);

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Deze tijdzone is onbekend.", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal("Europe/London", me!.TimeZone);
        Assert.Null((await forgotten.Content.ReadFromJsonAsync<MeResponse>(Cancel))!.TimeZone);
    }

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

public sealed class SqliteFoundationTests(SqliteApiFactory api) : FoundationTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresFoundationTests(PostgresApiFactory api) : FoundationTests(api), IClassFixture<PostgresApiFactory>;
