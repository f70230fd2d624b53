using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.FollowUps;

public static class FollowUpsSetup
{
    public const string SweepJobId = "follow-up-sweep";

    public static IServiceCollection AddFollowUps(this IServiceCollection services, IConfiguration configuration, AuthenticationMode authenticationMode)
    {
        services.Configure<FollowUpOptions>(configuration.GetSection("FollowUps"));
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.AddSingleton<FollowUpLinks>();

        var mail = configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        switch (mail.Transport)
        {
            case MailTransportKind.Smtp:
                services.AddSingleton<IMailTransport, SmtpTransport>();
                break;
            case MailTransportKind.Graph when authenticationMode != AuthenticationMode.EntraId:
                throw new StartupConfigurationException("Mail:Transport is Graph, which needs Authentication:Mode EntraId: set Mail:Transport to Smtp or Pickup.");
            case MailTransportKind.Graph:
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
        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180).UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
            // Storage follows the database. SQLite gets in-memory storage: one instance, and the outbox keeps it durable.
            switch (database)
            {
                case DatabaseProvider.PostgreSql:
                    hangfire.UsePostgreSqlStorage(
                        bootstrap => bootstrap.UseNpgsqlConnection(connectionString),
                        new PostgreSqlStorageOptions { QueuePollInterval = TimeSpan.FromSeconds(1), PrepareSchemaIfNecessary = true });
                    break;
                case DatabaseProvider.SqlServer:
                    hangfire.UseSqlServerStorage(connectionString);
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
        FollowUpsEndpoints.Map(app);
        var options = app.Configuration.GetSection("FollowUps").Get<FollowUpOptions>() ?? new FollowUpOptions();
        if (options.Enabled)
        {
            app.MapHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new AdministratorsOnly(app.Environment.IsDevelopment(), options.DashboardAdminRole)],
                IsReadOnlyFunc = _ => !options.DashboardWritable,
                DisplayStorageConnectionString = false,
                AppPath = null,
            });
        }

        return app;
    }

    /// <summary>
    /// The dashboard shows job arguments and errors: only administrators. In Development, requests from this
    /// machine; elsewhere a signed-in caller with the configured role.
    /// </summary>
    private sealed class AdministratorsOnly(bool development, string adminRole) : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var http = context.GetHttpContext();
            if (development)
            {
                var remote = http.Connection.RemoteIpAddress;
                return remote is not null && System.Net.IPAddress.IsLoopback(remote);
            }

            return http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(adminRole);
        }
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
