using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OneOnOne.Api.Actions;
using OneOnOne.Api.AddIn;
using OneOnOne.Api.Agenda;
using OneOnOne.Api.Calendar;
using OneOnOne.Api.Data;
using OneOnOne.Api.Documents;
using OneOnOne.Api.FollowUps;
using OneOnOne.Api.Graph;
using OneOnOne.Api.Guide;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Live;
using OneOnOne.Api.Meetings;
using OneOnOne.Api.Notes;
using OneOnOne.Api.Pane;
using OneOnOne.Api.Privacy;
using Scalar.AspNetCore;

if (args.FirstOrDefault() == MigrateCommand.Name)
{
    try
    {
        return await MigrateCommand.RunAsync(args);
    }
    catch (StartupConfigurationException e)
    {
        Console.Error.WriteLine($"OneOnOne cannot migrate: {e.Message}");
        return 1;
    }
}

WebApplication app;
try
{
    app = BuildApp(args);
}
catch (StartupConfigurationException e)
{
    // One line that says what to set, instead of a stack trace.
    Console.Error.WriteLine($"OneOnOne cannot start: {e.Message}");
    return 1;
}

await app.RunAsync();
return 0;

static WebApplication BuildApp(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    var paths = new AppPaths(builder.Configuration, builder.Environment);
    var authenticationMode = AuthenticationSetup.ReadMode(builder.Configuration, builder.Environment);

    builder.Services.AddSingleton(paths);
    builder.Services.AddSingleton(TimeProvider.System);
    builder.Services.AddOneOnOneProblems();
    builder.Services.AddPublicAddress(builder.Configuration, builder.Environment);
    builder.Services.AddOneOnOneData(builder.Configuration, paths);
    builder.Services.AddOneOnOneKeyProtection(builder.Configuration, builder.Environment);
    builder.Services.AddOneOnOneAuthentication(builder.Configuration, authenticationMode);
    builder.Services.AddOneOnOneGraph(builder.Configuration, authenticationMode);
    builder.Services.AddCalendar(builder.Configuration, authenticationMode);
    builder.Services.ConfigureHttpJsonOptions(options =>
    {
        options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        JsonRequests.Configure(options);
    });
    builder.Services.AddOneOnOneOpenApi();
    builder.Services.AddHealthChecks().AddDbContextCheck<OneOnOneDb>("database");
    builder.Services.AddAddIn();
    builder.Services.AddDocuments();
    builder.Services.AddFollowUps(builder.Configuration);
    builder.Services.AddGuide();
    builder.Services.AddLive(builder.Configuration);
    // What every save does besides saving, in this order: the announcer last, as it must see what the others added.
    builder.Services
        .AddSingleton<IInterceptor, RowVersions>()
        .AddSingleton<IInterceptor, StandingItems>()
        .AddSingleton<IInterceptor, ActionAudit>()
        .AddSingleton<IInterceptor, ActionTally>()
        .AddSingleton<IInterceptor>(services => services.GetRequiredService<CallerCache>())
        .AddSingleton<IInterceptor, ChangeAnnouncer>();
    builder.Services.AddOneOnOneTransportSecurity(builder.Configuration);
    builder.Services.AddOneOnOneRequestLimits(builder.Configuration);
    builder.Services.AddOneOnOneProxies(builder.Configuration);

    var app = builder.Build();

    app.UseOneOnOneProxies();
    app.UseOneOnOneSecurityHeaders();
    app.UseOneOnOneTransportSecurity();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseOneOnOneBodyLimit();
    app.MapAddIn();
    app.UseAuthentication();
    app.UseRateLimiter();
    app.UseAuthorization();
    app.UseMiddleware<CallerMiddleware>();

    // The API's description helps an attacker more than a user: public only in Development unless configured.
    if (app.Configuration.GetValue("OpenApi:Public", app.Environment.IsDevelopment()))
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference", options => options.WithTitle("OneOnOne API"));
    }
    app.MapHealthChecks("/health").AllowAnonymous();
    app.MapIdentityEndpoints(authenticationMode);
    app.MapMeetingsEndpoints();
    app.MapAgendaEndpoints();
    app.MapActionsEndpoints();
    app.MapNotesEndpoints();
    app.MapPaneEndpoints();
    app.MapDocumentsEndpoints();
    app.MapFollowUps();
    app.MapGuideEndpoints();
    app.MapSeriesTemplateEndpoints();
    app.MapPrivacyEndpoints();
    app.MapCalendarNotifications();
    app.MapLive();
    app.MapDemoCalendarEndpoints();
    return app;
}

/// <summary>Entry point type, public so tests can host the API with WebApplicationFactory.</summary>
public partial class Program;
