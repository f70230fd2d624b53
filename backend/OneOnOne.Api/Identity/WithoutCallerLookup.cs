namespace OneOnOne.Api.Identity;

/// <summary>
/// Endpoint metadata: the endpoint needs a valid token but not the caller's person, so <see cref="CallerMiddleware"/>
/// does not look them up.
/// </summary>
public sealed class WithoutCallerLookup
{
    public static readonly WithoutCallerLookup Instance = new();

    private WithoutCallerLookup()
    {
    }
}
