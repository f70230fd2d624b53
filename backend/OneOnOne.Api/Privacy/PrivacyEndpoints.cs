using Microsoft.AspNetCore.Http.HttpResults;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Privacy;

public static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Privacy").RequireAuthorization();
        me.MapGet("/export", ExportAsync)
            .WithSummary("Everything the product holds about the caller, as JSON: their series, meetings, agenda items, actions, the shared notes of their meetings, their own private notes, their mail preferences and follow-ups.");
        me.MapDelete("/", EraseAsync)
            .WithSummary("Erases the caller: their private notes are deleted; what they share with someone else stays for that person without their name or address. Their next sign-in starts afresh.");

        return app;
    }

    private static async Task<Ok<PersonalDataExport>> ExportAsync(
        Caller caller, OneOnOneDb db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var export = await PersonalData.ExportAsync(caller, db, clock, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"oneonone-export.json\"";
        return TypedResults.Ok(export);
    }

    private static async Task<NoContent> EraseAsync(Caller caller, OneOnOneDb db, CancellationToken cancellationToken)
    {
        await PersonalDataErasure.EraseAsync(caller, db, cancellationToken);
        return TypedResults.NoContent();
    }
}
