using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Data;

/// <summary>
/// Migrates the database (unless the schema is a separate step: Database:ApplyMigrations=false, see MigrateCommand) (and adds the demo tenant where configured) before the server takes requests.
/// A hosted service rather than code after Build(), so every host of the app, tests included, gets it.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, AuthenticationSettings authentication, TimeProvider clock)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (configuration.GetValue("Database:ApplyMigrations", defaultValue: true))
        {
            await DatabaseSetup.MigrateAsync(services, cancellationToken);
        }
        else
        {
            await DatabaseSetup.RequireMigratedAsync(services, cancellationToken);
        }

        if (configuration.GetValue("Demo:Seed", defaultValue: authentication.Mode == AuthenticationMode.Development))
        {
            await using var scope = services.CreateAsyncScope();
            await DemoData.SeedAsync(scope.ServiceProvider.GetRequiredService<OneOnOneDb>(), clock, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
