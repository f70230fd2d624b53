namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>
/// Base of the behaviour tests that run once per database provider: a derived class per provider supplies the
/// factory. Where a provider's server is not available, its tests are reported as skipped with the reason.
/// </summary>
public abstract class ProviderTests
{
    protected ProviderTests(ApiFactory api)
    {
        if (api.SkipReason is { } reason)
        {
            // CI starts every server the tests need; there a missing one is a failure, not a skip.
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }

        Api = api;
    }

    protected ApiFactory Api { get; }

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
