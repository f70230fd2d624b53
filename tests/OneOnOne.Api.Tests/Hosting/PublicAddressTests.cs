using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OneOnOne.Api.Data;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Tests.Infrastructure;

namespace OneOnOne.Api.Tests.Hosting;

/// <summary>
/// Without App:PublicBaseUrl (Development only), links in mails point where the server really listens, not at a fixed
/// localhost port: the app on Kestrel, on a port the system chose.
/// </summary>
public sealed class PublicAddressTests
{
    private sealed class KestrelFactory : ApiFactory
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "oneonone.db")};Pooling=False";
    }

    [Fact]
    public async Task Mail_links_use_the_address_the_server_listens_on()
    {
        await using var api = new KestrelFactory();
        api.UseKestrel(0);
        api.StartServer();

        var listening = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        var link = api.Services.GetRequiredService<FollowUpLinks>().Unsubscribe(Guid.NewGuid(), FollowUpKind.Recap);

        Assert.DoesNotContain(":0", listening, StringComparison.Ordinal);
        Assert.Equal(listening, api.Services.GetRequiredService<PublicAddress>().ForBackground());
        Assert.StartsWith($"{listening}/follow-ups/unsubscribe?t=", link, StringComparison.Ordinal);
        using var client = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"{listening}/health", TestContext.Current.CancellationToken)).StatusCode);
    }
}
