namespace OneOnOne.Api.Guide;

/// <summary>The organisation's conversation guide: its store, its admin API, and the standing items of its templates.</summary>
public static class GuideSetup
{
    public static IServiceCollection AddGuide(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddScoped<TenantGuides>();
        return services;
    }
}
