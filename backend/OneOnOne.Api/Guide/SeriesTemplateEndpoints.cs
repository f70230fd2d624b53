using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Guide;

/// <summary>The template a series uses (null: none), over the series' version the pane saw.</summary>
public sealed record SeriesTemplateRequest(string? TemplateKey, Guid Version);

public sealed record SeriesTemplateResponse(Guid SeriesId, string? TemplateKey, Guid Version);

/// <summary>Either of the two people chooses the agenda template of their series from the organisation's guide.</summary>
public static class SeriesTemplateEndpoints
{
    public static IEndpointRouteBuilder MapSeriesTemplateEndpoints(this IEndpointRouteBuilder app)
    {
        var series = app.MapGroup("/api/series/{seriesId:guid}").WithTags("Meetings").RequireAuthorization();
        series.MapPut("/template", SetAsync)
            .WithSummary("Chooses the series' agenda template (either participant); its standing items go on every upcoming and new meeting.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<SeriesTemplateResponse>, NotFound, ValidationProblem>> SetAsync(
        Guid seriesId, SeriesTemplateRequest request, Caller caller, OneOnOneDb db, TenantGuides guides, TimeProvider clock, CancellationToken cancellationToken)
    {
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (series is null)
        {
            return TypedResults.NotFound();
        }

        if (request.TemplateKey is { } key && !((await guides.OwnAsync(caller.TenantId, cancellationToken))?.Guide.Templates.Any(t => t.Key == key) ?? false))
        {
            var validation = new Validation(caller.Language);
            validation.Add("templateKey", GuideTexts.UnknownTemplate);
            return validation.Problem();
        }

        db.ExpectVersion(series, request.Version);
        var changed = series.TemplateKey != request.TemplateKey;
        series.TemplateKey = request.TemplateKey;
        if (changed)
        {
            await StandingItems.ApplyAsync(db, series, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new SeriesTemplateResponse(series.Id, series.TemplateKey, series.Version));
    }
}
