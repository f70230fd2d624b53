using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Privacy;

public sealed record ActionAuditResponse(DateTimeOffset At, Guid? ById, string? ByName, AuditChange Change, AuditedField[] Fields);

public static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").WithTags("Privacy").RequireAuthorization();
        me.MapGet("/export", ExportAsync)
            .WithSummary("Everything the product holds about the caller, as JSON: their series, meetings, agenda items, actions, the shared notes of their meetings, their own private notes, their mail preferences and follow-ups.");
        me.MapDelete("/", EraseAsync)
            .WithSummary("Erases the caller: their private notes are deleted; what they share with someone else stays for that person without their name or address. Their next sign-in starts afresh.");

        app.MapGet("/api/series/{seriesId:guid}/actions/{actionId:guid}/audit", AuditAsync)
            .WithTags("Actions")
            .WithSummary("Who changed the action item, when, and what: the fields with their old and new values.")
            .RequireAuthorization();
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

    private static async Task<Results<Ok<ActionAuditResponse[]>, NotFound>> AuditAsync(
        Guid seriesId, Guid actionId, OneOnOneDb db, CancellationToken cancellationToken)
    {
        // The filters show the trail only to the two people of the series; to anyone else it does not exist.
        var entries = await db.ActionAuditEntries
            .Where(a => a.SeriesId == seriesId && a.ActionItemId == actionId)
            .OrderBy(a => a.ChangedUtc)
            .Select(a => new { a.ChangedUtc, a.ChangedById, a.Change, a.Changes })
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return TypedResults.NotFound();
        }

        var peopleIds = entries.Where(e => e.ChangedById is not null).Select(e => e.ChangedById!.Value).Distinct().ToList();
        var names = await db.People.Where(p => peopleIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        return TypedResults.Ok(entries.Select(e => new ActionAuditResponse(
                PersonalData.Utc(e.ChangedUtc),
                e.ChangedById,
                e.ChangedById is { } by ? names.GetValueOrDefault(by) : null,
                e.Change,
                [.. ActionAudit.Read(e.Changes)]))
            .ToArray());
    }
}
