using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Graph;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Identity;

public static class IdentityEndpoints
{
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder app, AuthenticationMode mode)
    {
        var config = app.MapGroup("/api/config").WithTags("Identity").AllowAnonymous();
        config.MapGet("/", (AuthenticationSettings settings, GraphClients graph) => TypedResults.Ok(ClientConfig.For(settings, graph)))
            .WithSummary("How the panes sign in, and whether notes documents can go to OneDrive (public; no secrets).");

        var me = app.MapGroup("/api/me").WithTags("Identity").RequireAuthorization();
        me.MapGet("/", (Caller caller) => TypedResults.Ok(MeResponse.From(caller)))
            .WithSummary("The signed-in person.");
        me.MapPut("/language", SetLanguage)
            .WithSummary("Choose the language of the panes, documents and e-mails (en, nl, or null to follow the client).");
        me.MapPut("/time-zone", SetTimeZone)
            .WithSummary("The time zone of the caller's device (IANA or Windows id, or null to forget it): e-mails to the caller are written in it.")
            .WithDescription("The panes report it themselves. Unknown zones are refused with 400.");

        if (mode == AuthenticationMode.Development)
        {
            var dev = app.MapGroup("/dev").WithTags("Development sign-in").AllowAnonymous();
            dev.MapGet("/people", () => TypedResults.Ok(DemoData.People.Select(p => new DemoPersonResponse(p.Email, p.DisplayName, p.Language))))
                .WithSummary("The demo people a development token can be issued for.");
            dev.MapPost("/token", IssueDevelopmentToken)
                .WithSummary("Issues a token for a demo person (Development mode only).")
                .WithDescription("Without an e-mail (no body, or none in it) the token is for the first of GET /dev/people, so the preview signs in with one request.");

            // The floor every authenticated API call stands on (the token validated, the answer written, no database),
            // for the load benchmark's baseline (tests/load/run.sh): looking the caller up is a cost of the calls above it.
            app.MapGroup("/dev/authenticated").WithTags("Development sign-in").RequireAuthorization()
                .MapGet("/", (HttpContext context) => TypedResults.Ok(new AuthenticatedFloorResponse(
                    CallerClaims.TenantId(context.User), CallerClaims.ObjectId(context.User))))
                .WithMetadata(WithoutCallerLookup.Instance)
                .WithSummary("Who the token says the caller is, without looking them up (Development mode only; the load benchmark's floor).");
        }

        return app;
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> SetLanguage(
        LanguageRequest request, Caller caller, OneOnOneDb db, HttpContext context, CancellationToken cancellationToken)
    {
        var language = Languages.Normalize(request.Language);
        if (request.Language is not null && language is null)
        {
            return ProblemSetup.Problem(context, StatusCodes.Status400BadRequest, Texts.UnsupportedLanguage);
        }

        var person = await db.People.SingleAsync(p => p.Id == caller.PersonId, cancellationToken);
        person.Language = language;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeResponse.From(caller with { Person = person, Language = language ?? Languages.FromAcceptLanguage(context.Request) ?? Languages.English }));
    }

    private static async Task<Results<Ok<MeResponse>, ValidationProblem>> SetTimeZone(
        TimeZoneRequest request, Caller caller, OneOnOneDb db, CancellationToken cancellationToken)
    {
        var zone = string.IsNullOrWhiteSpace(request.TimeZone) ? null : TimeZones.Find(request.TimeZone.Trim());
        if (request.TimeZone is not null && (zone is null || zone.Id.Length > Limits.TimeZone))
        {
            var validation = new Validation(caller.Language);
            validation.Add("timeZone", Texts.UnknownTimeZone);
            return validation.Problem();
        }

        var person = await db.People.SingleAsync(p => p.Id == caller.PersonId, cancellationToken);
        person.TimeZone = zone?.Id;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MeResponse.From(caller with { Person = person }));
    }

    private static Results<Ok<DevTokenResponse>, ProblemHttpResult> IssueDevelopmentToken(
        DevTokenRequest? request, DevelopmentTokens tokens, HttpContext context)
    {
        var email = request?.Email?.Trim();
        var person = string.IsNullOrEmpty(email)
            ? DemoData.People.First()
            : DemoData.People.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
        if (person is null)
        {
            return ProblemSetup.Problem(context, StatusCodes.Status404NotFound, IdentityTexts.NotADemoPerson);
        }

        return TypedResults.Ok(DevTokenResponse.Issue(tokens, person));
    }
}
