using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneOnOne.Api.Tests.Infrastructure;

/// <summary>A real HTTP server on 127.0.0.1 that records every request and answers with <see cref="Respond"/>.</summary>
public sealed class HttpStub : IAsyncDisposable
{
    private readonly WebApplication app;

    private HttpStub(WebApplication app) => this.app = app;

    public sealed record Recorded(string Method, string Path, string? Authorization, string ContentType, byte[] Body)
    {
        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    }

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public Func<Recorded, int, IResult> Respond { get; set; } = (_, _) => Results.StatusCode(StatusCodes.Status202Accepted);

    public string BaseUrl { get; private set; } = "";

    public static async Task<HttpStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new HttpStub(app);
        var count = 0;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var recorded = new Recorded(context.Request.Method, context.Request.Path + context.Request.QueryString, context.Request.Headers.Authorization,
                context.Request.ContentType ?? "", body.ToArray())
            {
                Headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            };
            stub.Requests.Enqueue(recorded);
            await stub.Respond(recorded, Interlocked.Increment(ref count)).ExecuteAsync(context);
        });
        await app.StartAsync();
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
