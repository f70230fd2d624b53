using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Hosting;

public sealed class ProblemDetailsTests(SqliteApiFactory api) : IClassFixture<SqliteApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{bad json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"language\": 42}")]
    [InlineData("")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var client = api.ClientFor(TestPerson.New());

        var response = await client.PutAsync("/api/me/language", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        await AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_415_problem()
    {
        var client = api.ClientFor(TestPerson.New());

        var response = await client.PutAsync("/api/me/language", new StringContent("language=nl", Encoding.UTF8, "text/plain"), Cancel);

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_in_the_callers_language()
    {
        var client = api.ClientFor(null, language: "nl");

        var response = await client.GetAsync("/api/does-not-exist", Cancel);

        var problem = await AssertProblem(response, HttpStatusCode.NotFound);
        Assert.Equal("Niet gevonden", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task OpenApi_document_and_reference_page_are_served()
    {
        var client = api.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Cancel);
        var reference = await client.GetAsync("/api-reference", Cancel);

        Assert.Equal("OneOnOne API", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/me", out _));
        foreach (var path in new[] { "/api/meetings/resolve", "/api/meetings/{meetingId}/pane", "/api/meetings/{meetingId}/agenda/{itemId}", "/api/series/{seriesId}/actions", "/api/meetings/{meetingId}/notes/shared" })
        {
            Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), path);
        }

        var resolveExample = document.GetProperty("components").GetProperty("schemas").GetProperty("ResolveMeetingRequest").GetProperty("examples")[0];
        Assert.StartsWith("AAMk", resolveExample.GetProperty("eventId").GetString(), StringComparison.Ordinal);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("text/html", reference.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", problem.GetRawText(), StringComparison.Ordinal);
        return problem;
    }
}
