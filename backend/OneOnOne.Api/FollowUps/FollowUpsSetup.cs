using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.FollowUps;

public static class FollowUpsSetup
{
    public const string SweepJobId = "follow-up-sweep";

    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FollowUpOptions>(configuration.GetSection("FollowUps"));
        // The timing of tenants whose guide sets none (Guide reads it; it knows nothing of these options).
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FollowUpOptions>>().Value.Timing);
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.AddSingleton<FollowUpLinks>();

        var mail = configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        switch (mail.Transport)
        {
            case MailTransportKind.Smtp:
                services.AddSingleton<IMailTransport, SmtpTransport>();
                break;
            case MailTransportKind.Graph:
                services.AddSingleton<GraphMailboxRefusals>();
                services.AddScoped<IMailTransport, GraphMailTransport>();
                break;
            default:
                services.AddSingleton<IMailTransport, PickupFolderTransport>();
                break;
        }

        var options = configuration.GetSection("FollowUps").Get<FollowUpOptions>() ?? new FollowUpOptions();
        if (!options.Enabled)
        {
            return services;
        }

        services.AddScoped<FollowUpComposer>();
        services.AddScoped<FollowUpSweep>();
        services.AddScoped<FollowUpJob>();

        var database = DatabaseSetup.ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(DatabaseSetup.ConnectionStringName);
        // With data rights only, Hangfire's schema comes from the migration step (MigrateCommand) too.
        var prepareSchema = configuration.GetValue("Database:ApplyMigrations", defaultValue: true);
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            // Storage follows the database. SQLite gets in-memory storage: one instance, and the outbox keeps it durable.
            switch (database)
            {
                case DatabaseProvider.PostgreSql:
                    hangfire.UsePostgreSqlStorage(
                        bootstrap => bootstrap.UseNpgsqlConnection(connectionString),
                        new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = prepareSchema });
                    break;
                case DatabaseProvider.SqlServer:
                    hangfire.UseSqlServerStorage(connectionString, new Hangfire.SqlServer.SqlServerStorageOptions { PrepareSchemaIfNecessary = prepareSchema });
                    break;
                default:
                    hangfire.UseInMemoryStorage();
                    break;
            }
        });
        services.AddHangfireServer(server =>
        {
            server.Queues = ["followups", "default"];
            server.WorkerCount = options.WorkerCount;
            server.ShutdownTimeout = TimeSpan.FromSeconds(30);
            server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        if (options.RecurringSweep)
        {
            services.AddHostedService<SweepRegistration>();
        }

        return services;
    }

    public static WebApplication MapFollowUps(this WebApplication app)
    {
        app.MapFollowUpsEndpoints();
        var options = app.Configuration.GetSection("FollowUps").Get<FollowUpOptions>() ?? new FollowUpOptions();
        if (options.Enabled)
        {
            app.MapFailedFollowUpsEndpoints();
            // Job arguments and errors are for operators only. In Development, requests from this machine; elsewhere a
            // person signed in with Entra ID in the browser (BrowserSignIn) who has the administrators' app role.
            var development = app.Environment.IsDevelopment();
            var dashboard = app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = development ? [new LocalRequestsOnlyAuthorizationFilter()] : [],
                IsReadOnlyFunc = _ => !options.DashboardWritable,
                DisplayStorageConnectionString = false,
                AppPath = null,
            });
            if (!development)
            {
                dashboard.RequireAuthorization(Policies.Operators);
            }
        }

        return app;
    }

    /// <summary>
    /// Registers the every-minute sweep (run once right away, so a restart picks up at once) and the calendar
    /// reconciliation beside it: the follow-ups run where the calendar is followed.
    /// </summary>
    private sealed class SweepRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            recurring.AddOrUpdate<FollowUpSweep>(SweepJobId, sweep => sweep.RunAsync(CancellationToken.None), Cron.Minutely());
            Calendar.CalendarSetup.ScheduleJobs(recurring);
            jobs.Enqueue<FollowUpSweep>(sweep => sweep.RunAsync(CancellationToken.None));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
