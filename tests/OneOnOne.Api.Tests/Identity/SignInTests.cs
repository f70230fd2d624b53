using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Identity;

/// <summary>Signing in: development tokens for the demo people, enrollment on the first call, and what the person chooses for themselves.</summary>
public abstract class SignInTests(ApiFactory api) : ProviderTests(api)
{
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
    public async Task The_benchmarks_floor_checks_the_token_and_looks_nobody_up()
    {
        var person = TestPerson.New();

        var floor = await Api.ClientFor(person).GetFromJsonAsync<AuthenticatedFloorResponse>("/dev/authenticated", Cancel);
        var anonymous = await Api.CreateClient().GetAsync("/dev/authenticated", Cancel);

        Assert.Equal((person.TenantId, person.ObjectId), (floor!.TenantId, floor.ObjectId));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        // Never enrolled: the floor did not touch the people.
        Assert.False(await Api.WithDbAsync(db => db.People.IgnoreQueryFilters().AnyAsync(p => p.ObjectId == person.ObjectId, Cancel)));
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
}

public sealed class SqliteSignInTests(SqliteApiFactory api) : SignInTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresSignInTests(PostgresApiFactory api) : SignInTests(api), IClassFixture<PostgresApiFactory>;
