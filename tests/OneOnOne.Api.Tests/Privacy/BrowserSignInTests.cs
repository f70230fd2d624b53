using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Data;
using OneOnOne.Api.Documents;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Tests.FollowUps;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Privacy;

/// <summary>
/// What a browser opens without the panes' token, in a tenant's production setup: the Hangfire dashboard for operators,
/// a recap's notes link for the person it was sent to. The browser signs in with Entra ID and carries the app's cookie;
/// the cookies here are minted with the app's own cookie format, as its sign-in would have written them.
/// </summary>
[Collection(HangfireCollection.Name)]
public sealed class BrowserSignInTests(BrowserSignInTests.Factory api) : IClassFixture<BrowserSignInTests.Factory>
{
    public sealed class Factory : ProductionApiFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["FollowUps:Enabled"] = "true",
            ["FollowUps:RecurringSweep"] = "false",
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.1",
            ["RequestLimits:DocumentsPerWindow"] = "4",
        };
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Browser(string? cookie)
    {
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(ProductionApiFactory.PublicBaseUrl), AllowAutoRedirect = false });
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }

    private string SignedIn(string objectId, params string[] roles)
    {
        var options = api.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(BrowserSignIn.CookieScheme);
        var claims = new List<Claim> { new("tid", ProductionApiFactory.TenantId), new("oid", objectId), new("name", "Someone") };
        claims.AddRange(roles.Select(role => new Claim("roles", role)));
        var ticket = new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity(claims, "OpenIdConnect")),
            new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow, ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) },
            BrowserSignIn.CookieScheme);
        return $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    [Fact]
    public async Task The_dashboard_signs_operators_in_and_refuses_people_without_the_admin_role()
    {
        var anonymous = await Browser(null).GetAsync("/hangfire", Cancel);
        var withoutRole = await Browser(SignedIn(Guid.NewGuid().ToString())).GetAsync("/hangfire", Cancel);
        var operatorAnswer = await Browser(SignedIn(Guid.NewGuid().ToString(), "OneOnOne.Admin")).GetAsync("/hangfire", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith(ProductionApiFactory.AuthorizeEndpoint, anonymous.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, withoutRole.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorAnswer.StatusCode);
        Assert.Contains("Hangfire", await operatorAnswer.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recaps_notes_link_opens_only_for_the_person_it_was_sent_to_after_sign_in()
    {
        var (meetingId, recipient, other) = await api.WithDbAsync(async db =>
        {
            var manager = new Person { TenantId = ProductionApiFactory.TenantId, ObjectId = Guid.NewGuid().ToString(), DisplayName = "Mia Manager" };
            manager.SetEmail($"mia.{Guid.NewGuid():N}@contoso.example");
            var report = new Person { TenantId = ProductionApiFactory.TenantId, ObjectId = Guid.NewGuid().ToString(), DisplayName = "Rik Report" };
            report.SetEmail($"rik.{Guid.NewGuid():N}@contoso.example");
            var series = new Series { TenantId = ProductionApiFactory.TenantId };
            series.SetParticipants(manager.Id, report.Id);
            var meeting = new Meeting { TenantId = ProductionApiFactory.TenantId, SeriesId = series.Id, StartUtc = DateTime.UtcNow.AddHours(-2), EndUtc = DateTime.UtcNow.AddHours(-1), Subject = "1:1" };
            db.AddRange(manager, report, series, meeting);
            await db.SaveChangesAsync();
            return (meeting.Id, report, manager);
        });
        var link = new Uri(api.Services.GetRequiredService<FollowUpLinks>().NotesDocument(meetingId, recipient).Url);

        var anonymous = await Browser(null).GetAsync(link.PathAndQuery, Cancel);
        var forwarded = await Browser(SignedIn(other.ObjectId!)).GetAsync(link.PathAndQuery, Cancel);
        var own = await Browser(SignedIn(recipient.ObjectId!)).GetAsync(link.PathAndQuery, Cancel);

        Assert.Equal(ProductionApiFactory.PublicBaseUrl, link.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith(ProductionApiFactory.AuthorizeEndpoint, anonymous.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forwarded.StatusCode);
        Assert.Contains("sent to someone else", await forwarded.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(NotesDocument.ContentType, own.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_the_public_address_is_served()
    {
        var other = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://attacker.example") });

        Assert.Equal(HttpStatusCode.BadRequest, (await other.GetAsync("/health", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Browser(null).GetAsync("/health", Cancel)).StatusCode);
    }

    [Fact]
    public async Task The_api_description_is_not_public()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Browser(null).GetAsync("/openapi/v1.json", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser(null).GetAsync("/api-reference", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Documents_are_rate_limited_per_client_seen_through_the_configured_proxy_only()
    {
        async Task<int> OpenAsync(string connectedFrom, string forwardedFor)
        {
            var context = await api.Server.SendAsync(
                http =>
                {
                    http.Request.Method = HttpMethods.Get;
                    http.Request.Scheme = "https";
                    http.Request.Host = new HostString("oneonone.example");
                    http.Request.Path = "/follow-ups/notes";
                    http.Request.QueryString = new QueryString("?t=not-a-link");
                    http.Connection.RemoteIpAddress = IPAddress.Parse(connectedFrom);
                    http.Request.Headers["X-Forwarded-For"] = forwardedFor;
                },
                Cancel);
            return context.Response.StatusCode;
        }

        var clientA = $"203.0.113.{Random.Shared.Next(1, 250)}";
        var clientB = $"198.51.100.{Random.Shared.Next(1, 250)}";
        var throughProxy = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            throughProxy.Add(await OpenAsync("10.0.0.1", clientA));
        }

        var anotherClient = await OpenAsync("10.0.0.1", clientB);
        // Not a configured proxy: its X-Forwarded-For is not believed, so it cannot pose as client A (or escape its own limit).
        var posing = await OpenAsync("192.0.2.7", clientA);

        Assert.Equal([404, 404, 404, 404, 429], throughProxy);
        Assert.Equal(404, anotherClient);
        Assert.Equal(404, posing);
    }
}
