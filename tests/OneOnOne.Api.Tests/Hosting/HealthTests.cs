using System.Net;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Hosting;

/// <summary>The health endpoint, as a load balancer or an orchestrator reads it.</summary>
public abstract class HealthTests(ApiFactory api) : ProviderTests(api)
{
    [Fact]
    public async Task Health_checks_the_database_and_answers_healthy()
    {
        var response = await Api.CreateClient().GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancel));
    }
}

public sealed class SqliteHealthTests(SqliteApiFactory api) : HealthTests(api), IClassFixture<SqliteApiFactory>;

public sealed class PostgresHealthTests(PostgresApiFactory api) : HealthTests(api), IClassFixture<PostgresApiFactory>;
