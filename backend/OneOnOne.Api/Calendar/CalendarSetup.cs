using Hangfire;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Calendar;

public static class CalendarSetup
{
    public const string ReconcileJobId = "calendar-reconcile";
    public const string SubscriptionsJobId = "calendar-subscriptions";

    public static IServiceCollection AddCalendar(this IServiceCollection services, IConfiguration configuration, AuthenticationMode mode)
    {
        services.Configure<CalendarOptions>(configuration.GetSection("Calendar"));
        var options = configuration.GetSection("Calendar").Get<CalendarOptions>() ?? new CalendarOptions();
        var source = options.Source ?? (mode == AuthenticationMode.EntraId ? CalendarSource.Graph : CalendarSource.Demo);
        if (source == CalendarSource.Demo)
        {
            services.AddSingleton<DemoWorkplace>();
            services.AddSingleton<ICalendar>(provider => provider.GetRequiredService<DemoWorkplace>());
            services.AddSingleton<IDirectory>(provider => provider.GetRequiredService<DemoWorkplace>());
            if (configuration.GetValue("Demo:Seed", defaultValue: mode == AuthenticationMode.Development))
            {
                services.AddHostedService<DemoWorkplaceSeed>();
            }
        }
        else
        {
            services.AddScoped<ICalendar, GraphCalendar>();
            services.AddScoped<IDirectory, GraphDirectory>();
        }

        services.PostConfigure<CalendarOptions>(o => o.Source ??= source);
        services.AddScoped<CalendarSync>();
        services.AddScoped<CalendarSubscriptions>();
        return services;
    }

    /// <summary>
    /// Registers the reconciliation (every minute it reads the events that are due: not read within
    /// Calendar:ReconcileInterval, or nudged by a notification) and the subscriptions' renewal with the app's Hangfire
    /// server: they run where the follow-ups run.
    /// </summary>
    public static void ScheduleJobs(IRecurringJobManager recurring)
    {
        recurring.AddOrUpdate<CalendarSync>(ReconcileJobId, sync => sync.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<CalendarSubscriptions>(SubscriptionsJobId, subscriptions => subscriptions.RenewAsync(CancellationToken.None), Cron.Hourly());
    }
}
