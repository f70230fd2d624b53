using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Privacy;

public sealed class SecurityHeadersTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> ApiAnswers => ["/api/me", "/api/config", "/health", "/api/nothing-here", "/openapi/v1.json", "/manifest.xml"];

    [Theory]
    [MemberData(nameof(ApiAnswers))]
    public async Task Answers_that_are_not_panes_load_nothing_and_are_framed_by_nobody(string path)
    {
        var response = await api.ClientFor(TestPerson.New()).GetAsync(path, Cancel);

        Assert.Equal(SecurityHeaders.StrictPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Errors_carry_the_headers_too()
    {
        var response = await api.CreateClient().GetAsync("/api/me", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(SecurityHeaders.StrictPolicy, Header(response, "Content-Security-Policy"));
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task A_pane_keeps_its_own_policy_so_that_office_can_frame_it()
    {
        var response = await api.CreateClient().GetAsync("/taskpane.html", Cancel);
        Assert.SkipWhen(response.StatusCode == HttpStatusCode.ServiceUnavailable, "The add-in is not built (SkipAddInBuild).");

        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'self' https://*.office.com", policy, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Cross-Origin-Opener-Policy"));
        AssertCommonHeaders(response);
    }

    [Fact]
    public async Task Development_serves_plain_http_without_hsts()
    {
        var response = await api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://oneonone.example"), AllowAutoRedirect = false })
            .GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static void AssertCommonHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : "";
}

/// <summary>Outside Development: plain HTTP is redirected to HTTPS, and HTTPS answers carry HSTS.</summary>
public sealed class TransportSecurityTests(TransportSecurityTests.ProductionFactory api) : IClassFixture<TransportSecurityTests.ProductionFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public sealed class ProductionFactory : ProductionApiFactory;

    [Fact]
    public async Task Plain_http_is_redirected_to_https()
    {
        var response = await api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://oneonone.example"), AllowAutoRedirect = false })
            .GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://oneonone.example/health", response.Headers.Location?.ToString());
        Assert.Equal(SecurityHeaders.StrictPolicy, SecurityHeadersTests.Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Https_answers_carry_hsts()
    {
        var response = await api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://oneonone.example"), AllowAutoRedirect = false })
            .GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", SecurityHeadersTests.Header(response, "Strict-Transport-Security"));
    }
}
