using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OneOnOne.AddIn.Tests;

/// <summary>
/// The real API with the built panes on a real Kestrel port, on its own SQLite file with the demo data, in
/// Development authentication mode: what `dotnet run` gives a newcomer.
/// </summary>
public sealed class PaneServer : WebApplicationFactory<Program>
{
    private readonly string dataFolder = Directory.CreateTempSubdirectory("oneonone-addin-test-").FullName;

    public PaneServer()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>The API as a demo person, the way a pane calls it (a development token from POST /dev/token).</summary>
    public async Task<HttpClient> ApiAsAsync(string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var response = await client.PostAsJsonAsync("/dev/token", new { email }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The demo data's next meetings start two days from today, 09:00 UTC (Sanne and Priya) and 10:00 UTC (Sanne and Daan).</summary>
    public static DateTime NextDemoMeetingStart(bool dutchSeries = false) => DateTime.UtcNow.Date.AddDays(2).AddHours(dutchSeries ? 10 : 9);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("App:DataFolder", dataFolder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:OneOnOne", "");
        builder.UseSetting("Authentication:Mode", "Development");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the system later.
        }
    }
}
