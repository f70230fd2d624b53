using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Guide;

/// <summary>The guide as the admin page shows it: version 0 is the built-in guide, never saved by this tenant.</summary>
public sealed record GuideResponse(int Version, bool BuiltIn, ConversationGuide Guide, DateTime? ChangedUtc, string? ChangedBy);

/// <summary>A whole guide, saved over the version the admin started from.</summary>
public sealed record SaveGuideRequest(int Version, ConversationGuide Guide);

/// <summary>Restores an older version's content as a new version, over the version the admin saw as current.</summary>
public sealed record RestoreGuideRequest(int Version);

public sealed record GuideVersionResponse(int Version, DateTime ChangedUtc, string ChangedBy, GuideChange Change);

/// <summary>An exported guide, and what an import reads.</summary>
public sealed record GuideFile(string Format, ConversationGuide Guide)
{
    public const string CurrentFormat = "oneonone-guide/1";
}

/// <summary>
/// The organisation's conversation guide, for people with the administrators' app role: read, save, the history, restore,
/// export and import. It holds no 1-on-1 content and answers none: an admin sees no series, meeting or note through it.
/// </summary>
public static class GuideEndpoints
{
    public static IEndpointRouteBuilder MapGuideEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/guide").WithTags("Conversation guide").RequireAuthorization(Policies.Administrators);
        admin.MapGet("/", GetAsync).WithSummary("The guide in use: the tenant's newest version, or the built-in guide (version 0).");
        admin.MapPut("/", SaveAsync)
            .WithSummary("Saves the whole guide as a new version, over the version it was read at.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/versions", HistoryAsync).WithSummary("Every version, newest first: who, when, and what changed.");
        admin.MapGet("/versions/{number:int}", VersionAsync).WithSummary("The guide as one version held it.").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/versions/{number:int}/restore", RestoreAsync)
            .WithSummary("Makes an older version's guide the current one again, as a new version.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/export", ExportAsync).WithSummary("The guide in use as a JSON file, for another tenant or for safekeeping.");
        admin.MapPost("/import", ImportAsync)
            .WithSummary("Replaces the guide with an exported file's, as a new version over `version` (the current one); every entry is checked first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Ok<GuideResponse>> GetAsync(Caller caller, TenantGuides guides, CancellationToken cancellationToken) =>
        TypedResults.Ok(await CurrentAsync(caller, guides, cancellationToken));

    private static async Task<Results<Ok<GuideResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        SaveGuideRequest request, Caller caller, TenantGuides guides, HttpContext context, CancellationToken cancellationToken)
    {
        var validation = new Validation(caller.Language);
        var guide = GuideValidation.Check(request.Guide, validation);
        if (guide is null)
        {
            return validation.Problem();
        }

        var (saved, conflict) = await SaveVersionAsync(caller, guides, context, request.Version, guide, cancellationToken);
        return saved is not null ? saved : conflict!;
    }

    private static async Task<Ok<List<GuideVersionResponse>>> HistoryAsync(Caller caller, TenantGuides guides, CancellationToken cancellationToken) =>
        TypedResults.Ok((await guides.HistoryAsync(caller.TenantId, cancellationToken))
            .Select(v => new GuideVersionResponse(v.Number, v.ChangedUtc, v.ChangedByName, v.Change)).ToList());

    private static async Task<Results<Ok<GuideResponse>, NotFound>> VersionAsync(int number, Caller caller, TenantGuides guides, CancellationToken cancellationToken) =>
        await guides.VersionAsync(caller.TenantId, number, cancellationToken) is { } version
            ? TypedResults.Ok(Response(version))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<GuideResponse>, NotFound, ProblemHttpResult>> RestoreAsync(
        int number, RestoreGuideRequest request, Caller caller, TenantGuides guides, HttpContext context, CancellationToken cancellationToken)
    {
        if (await guides.VersionAsync(caller.TenantId, number, cancellationToken) is not { } old)
        {
            return TypedResults.NotFound();
        }

        var (saved, conflict) = await SaveVersionAsync(caller, guides, context, request.Version, old.Guide, cancellationToken, restoredFrom: number);
        return saved is not null ? saved : conflict!;
    }

    private static async Task<FileContentHttpResult> ExportAsync(Caller caller, TenantGuides guides, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(caller, guides, cancellationToken);
        var file = JsonSerializer.SerializeToUtf8Bytes(new GuideFile(GuideFile.CurrentFormat, current.Guide), TenantGuides.Json);
        return TypedResults.File(file, "application/json", $"oneonone-guide-v{current.Version}.json");
    }

    private static async Task<Results<Ok<GuideResponse>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        [FromQuery] int version, GuideFile file, Caller caller, TenantGuides guides, HttpContext context, CancellationToken cancellationToken)
    {
        var validation = new Validation(caller.Language);
        if (file.Format != GuideFile.CurrentFormat)
        {
            validation.Add("format", GuideTexts.UnknownFormat, file.Format);
            return validation.Problem();
        }

        var guide = GuideValidation.Check(file.Guide, validation);
        if (guide is null)
        {
            return validation.Problem();
        }

        var (saved, conflict) = await SaveVersionAsync(caller, guides, context, version, guide, cancellationToken, imported: true);
        return saved is not null ? saved : conflict!;
    }

    /// <summary>The saved version, or the 409 that says someone else saved first (with their version).</summary>
    private static async Task<(Ok<GuideResponse>? Saved, ProblemHttpResult? Conflict)> SaveVersionAsync(
        Caller caller, TenantGuides guides, HttpContext context, int expected, ConversationGuide guide, CancellationToken cancellationToken,
        int? restoredFrom = null, bool imported = false)
    {
        try
        {
            var saved = await guides.SaveAsync(caller.TenantId, expected, guide, caller.PersonId, caller.Person.DisplayName, cancellationToken, restoredFrom, imported);
            return (TypedResults.Ok(Response(saved)), null);
        }
        catch (GuideConflictException conflict)
        {
            var language = ProblemSetup.LanguageOf(context);
            return (null, TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Texts.ConflictTitle.In(language),
                Detail = Texts.ConflictDetail.In(language),
                Extensions = { ["current"] = conflict.Current is { } current ? Response(current) : BuiltIn(guides) },
            }));
        }
    }

    private static async Task<GuideResponse> CurrentAsync(Caller caller, TenantGuides guides, CancellationToken cancellationToken) =>
        await guides.LatestAsync(caller.TenantId, cancellationToken) is { } latest
            ? Response(latest)
            : BuiltIn(guides);

    private static GuideResponse BuiltIn(TenantGuides guides) => new(0, true, guides.BuiltIn, null, null);

    private static GuideResponse Response(StoredGuide stored) => new(stored.Number, false, stored.Guide, stored.ChangedUtc, stored.ChangedByName);
}
