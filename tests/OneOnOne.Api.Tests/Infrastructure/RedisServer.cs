namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>The real Redis server the scale-out tests use, given by ONEONONE_TEST_REDIS (CI starts Debian's redis-server).</summary>
public static class RedisServer
{
    public const string Variable = "ONEONONE_TEST_REDIS";

    public static string? Configuration => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => Configuration is null
        ? $"No Redis server given: set {Variable} (`source .ci/start-redis.sh` starts one)."
        : null;
}
