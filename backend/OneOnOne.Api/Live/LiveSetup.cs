using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace OneOnOne.Api.Live;

/// <summary>Live panes: SignalR (ASP.NET Core's own) with one hub; every save of shared content is announced.</summary>
public static class LiveSetup
{
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration configuration)
    {
        var signalR = services.AddSignalR();
        // Several instances share the announcements through Redis (Azure SignalR Service is the managed choice); one
        // instance, the embedded default, needs nothing.
        if (configuration["SignalR:Redis"] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, options => options.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("OneOnOne"));
        }

        // A browser cannot put a bearer token on a WebSocket: SignalR sends it in the query string, for the hub only.
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var events = options.Events ?? new JwtBearerEvents();
            var received = events.OnMessageReceived;
            events.OnMessageReceived = async context =>
            {
                await received(context);
                if (string.IsNullOrEmpty(context.Token) && context.HttpContext.Request.Path.StartsWithSegments(MeetingHub.Path)
                    && context.Request.Query["access_token"] is { Count: 1 } token)
                {
                    context.Token = token;
                }
            };
            options.Events = events;
        });
        return services;
    }

    public static WebApplication MapLive(this WebApplication app)
    {
        app.MapHub<MeetingHub>(MeetingHub.Path).RequireAuthorization();
        return app;
    }
}
