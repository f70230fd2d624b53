using System.Net;
using System.Text;
using OneOnOne.Api.Data;
using OneOnOne.Api.Tests.Infrastructure;
using OneOnOne.Api.Tests.Meetings;

namespace OneOnOne.Api.Tests.Privacy;

/// <summary>A host with low limits: three writes and one upload per caller per ten minutes.</summary>
public sealed class LowLimitsApiFactory : ApiFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "oneonone.db")};Pooling=False";

    protected override IDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>
    {
        ["RequestLimits:WritesPerWindow"] = "3",
        ["RequestLimits:UploadsPerWindow"] = "1",
        ["RequestLimits:Window"] = "00:10:00",
    };
}

public sealed class RequestLimitTests(LowLimitsApiFactory api) : IClassFixture<LowLimitsApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_caller_over_the_write_limit_gets_429_with_retry_after_and_others_carry_on()
    {
        // Resolving the meeting was the manager's first write.
        var pair = await OneOnOnePair.CreateAsync(api, managerLanguage: "nl");
        var agenda = $"/api/meetings/{pair.Meeting.MeetingId}/agenda";
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await pair.ManagerClient.PostAsync(agenda, PrivacyScenario.JsonBody("{\"text\":\"Point\"}"), Cancel)).StatusCode);
        }

        var refused = await PrivacyScenario.SendAsync(pair.ManagerClient, HttpMethod.Post, agenda, PrivacyScenario.JsonBody("{\"text\":\"One too many\"}"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        var retryAfter = refused.Response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        Assert.Contains("Te veel verzoeken", refused.Body, StringComparison.Ordinal);
        Assert.Contains(((int)retryAfter.Value.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Body, StringComparison.Ordinal);
        // Reading is not limited, and the other person has their own allowance.
        Assert.Equal(HttpStatusCode.OK, (await pair.ManagerClient.GetAsync($"/api/meetings/{pair.Meeting.MeetingId}/pane", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await pair.ReportClient.PostAsync(agenda, PrivacyScenario.JsonBody("{\"text\":\"Mine\"}"), Cancel)).StatusCode);
    }

    [Fact]
    public async Task Uploads_have_their_own_stricter_limit()
    {
        var pair = await OneOnOnePair.CreateAsync(api);
        var url = $"/api/meetings/{pair.Meeting.MeetingId}/notes.docx";
        HttpContent Upload() => new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("not a document")), "file", "notes.docx" } };

        var first = await pair.ReportClient.PostAsync(url, Upload(), Cancel);
        var second = await pair.ReportClient.PostAsync(url, Upload(), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.NotNull(second.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Anonymous_writes_are_limited_by_address()
    {
        var anonymous = api.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await anonymous.PostAsync("/api/meetings/resolve", PrivacyScenario.JsonBody("{}"), Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.All(answers[..^1], a => Assert.Equal(HttpStatusCode.Unauthorized, a));
    }
}
