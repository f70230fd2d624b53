using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Actions;

public sealed record ActionItemResponse(
    Guid Id,
    string Text,
    Guid OwnerId,
    string OwnerName,
    DateOnly? DueDate,
    ActionStatus Status,
    bool Overdue,
    Guid CreatedInMeetingId,
    Guid? CompletedInMeetingId,
    DateTimeOffset? CompletedAt,
    Guid Version);

public sealed record AddActionRequest(string? Text, Guid? OwnerId = null, DateOnly? DueDate = null, Guid? MeetingId = null) : IOpenApiExample
{
    public static string Example => """{ "text": "Book the training", "ownerId": "6d0a1c52-0000-4000-8000-000000000003", "dueDate": "2030-03-15", "meetingId": null }""";
}

public sealed record EditActionRequest(Guid Version, string? Text = null, Guid? OwnerId = null, DateOnly? DueDate = null, bool ClearDueDate = false);

public sealed record CompleteActionRequest(Guid Version, Guid? MeetingId = null);

public sealed record ReopenActionRequest(Guid Version);

public sealed record ActionAuditResponse(DateTimeOffset At, Guid? ById, string? ByName, AuditChange Change, AuditedField[] Fields);

public static class ActionsEndpoints
{
    public static IEndpointRouteBuilder MapActionsEndpoints(this IEndpointRouteBuilder app)
    {
        var series = app.MapGroup("/api/series/{seriesId:guid}/actions").WithTags("Actions").RequireAuthorization();
        series.MapPost("/", AddAsync).WithSummary("Adds an action item owned by one of the two participants.");
        series.MapGet("/{actionId:guid}/audit", AuditAsync)
            .WithSummary("Who changed the action item, when, and what: the fields with their old and new values.");

        var actions = app.MapGroup("/api/actions/{actionId:guid}").WithTags("Actions").RequireAuthorization();
        actions.MapPatch("/", EditAsync).WithSummary("Changes text, owner or due date.");
        actions.MapPost("/complete", CompleteAsync).WithSummary("Marks the action done, recording in which meeting.");
        actions.MapPost("/reopen", ReopenAsync).WithSummary("Opens a done action again.");
        return app;
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Results<Created<ActionItemResponse>, NotFound, ValidationProblem>> AddAsync(
        Guid seriesId, AddActionRequest request, Caller caller, OneOnOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var series = await db.Series.FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken);
        if (series is null)
        {
            return TypedResults.NotFound();
        }

        var validation = new Validation(caller.Language);
        var text = validation.Text("text", request.Text, Limits.ActionText);
        var ownerId = request.OwnerId ?? caller.PersonId;
        if (!series.HasParticipant(ownerId))
        {
            validation.Add("ownerId", ActionTexts.OwnerNotParticipant);
        }

        var meetingId = await MeetingForAsync(db, series.Id, request.MeetingId, clock, validation, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var action = new ActionItem
        {
            TenantId = series.TenantId,
            SeriesId = series.Id,
            CreatedInMeetingId = meetingId!.Value,
            OwnerId = ownerId,
            CreatedById = caller.PersonId,
            Text = text,
            DueDate = request.DueDate,
        };
        db.ActionItems.Add(action);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/actions/{action.Id}", await ProjectOneAsync(db, action.Id, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ActionItemResponse>, NotFound, ValidationProblem>> EditAsync(
        Guid actionId, EditActionRequest request, Caller caller, OneOnOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var action = await db.ActionItems.Include(a => a.Series).FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return TypedResults.NotFound();
        }

        var validation = new Validation(caller.Language);
        var text = request.Text is null ? action.Text : validation.Text("text", request.Text, Limits.ActionText);
        if (request.OwnerId is { } owner && !action.Series.HasParticipant(owner))
        {
            validation.Add("ownerId", ActionTexts.OwnerNotParticipant);
        }

        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        db.ExpectVersion(action, request.Version);
        action.Text = text;
        action.OwnerId = request.OwnerId ?? action.OwnerId;
        action.DueDate = request.ClearDueDate ? null : request.DueDate ?? action.DueDate;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ProjectOneAsync(db, action.Id, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ActionItemResponse>, NotFound, ValidationProblem>> CompleteAsync(
        Guid actionId, CompleteActionRequest request, Caller caller, OneOnOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var action = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return TypedResults.NotFound();
        }

        var validation = new Validation(caller.Language);
        var meetingId = await MeetingForAsync(db, action.SeriesId, request.MeetingId, clock, validation, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        db.ExpectVersion(action, request.Version);
        if (action.Status != ActionStatus.Done)
        {
            action.Status = ActionStatus.Done;
            action.CompletedUtc = clock.GetUtcNow().UtcDateTime;
            action.CompletedInMeetingId = meetingId;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(await ProjectOneAsync(db, action.Id, clock, cancellationToken));
    }

    private static async Task<Results<Ok<ActionItemResponse>, NotFound>> ReopenAsync(
        Guid actionId, ReopenActionRequest request, OneOnOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var action = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null)
        {
            return TypedResults.NotFound();
        }

        db.ExpectVersion(action, request.Version);
        if (action.Status != ActionStatus.Open)
        {
            action.Status = ActionStatus.Open;
            action.CompletedUtc = null;
            action.CompletedInMeetingId = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(await ProjectOneAsync(db, action.Id, clock, cancellationToken));
    }

    /// <summary>
    /// The meeting an action is created or closed in: the one named (it must be of this series), else the latest
    /// meeting that has started, else the first one to come.
    /// </summary>
    private static async Task<Guid?> MeetingForAsync(
        OneOnOneDb db, Guid seriesId, Guid? requested, TimeProvider clock, Validation validation, CancellationToken cancellationToken)
    {
        if (requested is { } meetingId)
        {
            if (await db.Meetings.AnyAsync(m => m.Id == meetingId && m.SeriesId == seriesId, cancellationToken))
            {
                return meetingId;
            }

            validation.Add("meetingId", ActionTexts.MeetingNotInSeries);
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var meetings = db.Meetings.Where(m => m.SeriesId == seriesId && m.Status == MeetingStatus.Scheduled);
        var current = await meetings.Where(m => m.StartUtc <= now).OrderByDescending(m => m.StartUtc).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken)
            ?? await meetings.OrderBy(m => m.StartUtc).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            validation.Add("meetingId", ActionTexts.NoMeetingInSeries);
        }

        return current;
    }

    private static Task<ActionItemResponse> ProjectOneAsync(OneOnOneDb db, Guid actionId, TimeProvider clock, CancellationToken cancellationToken) =>
        ActionQueries.Project(db.ActionItems.Where(a => a.Id == actionId), Today(clock)).SingleAsync(cancellationToken);

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
                new DateTimeOffset(DateTime.SpecifyKind(e.ChangedUtc, DateTimeKind.Utc)),
                e.ChangedById,
                e.ChangedById is { } by ? names.GetValueOrDefault(by) : null,
                e.Change,
                [.. ActionAudit.Read(e.Changes)]))
            .ToArray());
    }
}
