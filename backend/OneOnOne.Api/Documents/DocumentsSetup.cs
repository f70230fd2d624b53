namespace OneOnOne.Api.Documents;

/// <summary>The Word meeting-notes document: generated, read back, stored in OneDrive.</summary>
public static class DocumentsSetup
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<OneDriveStore>();
        services.AddSingleton(sp => WordAddInReference.For(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        return services;
    }
}
