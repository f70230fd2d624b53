namespace OneOnOne.Api.Graph;

public static class GraphSetup
{
    public static IServiceCollection AddOneOnOneGraph(this IServiceCollection services, IConfiguration configuration, Identity.AuthenticationMode mode)
    {
        services.Configure<GraphOptions>(configuration.GetSection("Graph"));
        if (mode == Identity.AuthenticationMode.EntraId)
        {
            services.AddScoped<IGraphTokenSource, EntraGraphTokens>();
        }
        else
        {
            services.AddScoped<IGraphTokenSource, NoGraphTokens>();
        }

        services.AddScoped<GraphClients>();
        return services;
    }
}
