using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Guide;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Prompts;

namespace OneOnOne.Api.Agenda;

public sealed record AgendaItemResponse(
    Guid Id,
    string Text,
    Guid AuthorId,
    string AuthorName,
    int Position,
    bool Discussed,
    bool CarriedOver,
    DateTimeOffset? CarriedOverFrom,
    string? PromptKey,
    Guid Version);

public sealed record AddAgendaItemRequest(string? Text) : IOpenApiExample
{
    public static string Example => """{ "text": "How is the on-call rotation going?" }""";
}

public sealed record AddPromptRequest(string? PromptKey) : IOpenApiExample
{
    public static string Example => """{ "promptKey": "mgr.feedback.specific-example" }""";
}

public sealed record EditAgendaItemRequest(string? Text, Guid Version) : IOpenApiExample
{
    public static string Example => """{ "text": "On-call rotation after the holidays", "version": "5f0c3c1e-8a4b-4f7e-9d2a-1b3c4d5e6f70" }""";
}

public sealed record DiscussedRequest(bool Discussed, Guid Version);

public sealed record ReorderAgendaRequest(Guid[]? ItemIds);

public static class AgendaEndpoints
{
    public static IEndpointRouteBuilder MapAgendaEndpoints(this IEndpointRouteBuilder app)
    {
        var agenda = app.MapGroup("/api/meetings/{meetingId:guid}/agenda").WithTags("Agenda").RequireAuthorization();
        agenda.MapPost("/", AddAsync).WithSummary("Adds a talking point at the end of the agenda.");
        agenda.MapPost("/prompts", AddPromptAsync).WithSummary("Adds a feedback prompt to the agenda, in the caller's language.");
        agenda.MapPut("/order", ReorderAsync).WithSummary("Puts the agenda in the given order (every item once).");
        agenda.MapPatch("/{itemId:guid}", EditAsync).WithSummary("Changes the text of one's own item.");
        agenda.MapPut("/{itemId:guid}/discussed", SetDiscussedAsync).WithSummary("Marks an item discussed in this meeting, or not.");
        agenda.MapDelete("/{itemId:guid}", DeleteAsync).WithSummary("Deletes one's own item.");
        return app;
    }

    private static Task<Meeting?> FindMeetingAsync(OneOnOneDb db, Guid meetingId, CancellationToken cancellationToken) =>
        db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);

    private static async Task<Results<Created<AgendaItemResponse>, NotFound, ValidationProblem>> AddAsync(
        Guid meetingId, AddAgendaItemRequest request, Caller caller, OneOnOneDb db, CancellationToken cancellationToken)
    {
        var meeting = await FindMeetingAsync(db, meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var validation = new Validation(caller.Language);
        var text = validation.Text("text", request.Text, Limits.AgendaText);
        return validation.IsValid
            ? await AddItemAsync(db, meeting, caller, text, promptKey: null, cancellationToken)
            : validation.Problem();
    }

    private static async Task<Results<Created<AgendaItemResponse>, NotFound, ValidationProblem>> AddPromptAsync(
        Guid meetingId, AddPromptRequest request, Caller caller, OneOnOneDb db, TenantGuides guides, CancellationToken cancellationToken)
    {
        var meeting = await FindMeetingAsync(db, meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var prompt = request.PromptKey is null ? null : PromptLibrary.Find(request.PromptKey, await guides.PromptsAsync(caller.TenantId, cancellationToken));
        if (prompt is null)
        {
            var validation = new Validation(caller.Language);
            validation.Add("promptKey", AgendaTexts.UnknownPrompt);
            return validation.Problem();
        }

        return await AddItemAsync(db, meeting, caller, prompt.Text(caller.Language), prompt.Key, cancellationToken);
    }

    private static async Task<Created<AgendaItemResponse>> AddItemAsync(
        OneOnOneDb db, Meeting meeting, Caller caller, string text, string? promptKey, CancellationToken cancellationToken)
    {
        var last = await AgendaQueries.ForMeeting(db, meeting).MaxAsync(a => (int?)a.Position, cancellationToken) ?? -1;
        var item = new AgendaItem
        {
            TenantId = meeting.TenantId,
            SeriesId = meeting.SeriesId,
            MeetingId = meeting.Id,
            AuthorId = caller.PersonId,
            Text = text,
            Position = last + 1,
            PromptKey = promptKey,
        };
        db.AgendaItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        var response = await AgendaQueries.Project(db.AgendaItems.Where(a => a.Id == item.Id), meeting.Id).SingleAsync(cancellationToken);
        return TypedResults.Created($"/api/meetings/{meeting.Id}/agenda/{item.Id}", response);
    }

    private static async Task<Results<Ok<AgendaItemResponse>, NotFound, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid meetingId, Guid itemId, EditAgendaItemRequest request, Caller caller, OneOnOneDb db, HttpContext context, CancellationToken cancellationToken)
    {
        var (meeting, item) = await FindItemAsync(db, meetingId, itemId, cancellationToken);
        if (meeting is null || item is null)
        {
            return TypedResults.NotFound();
        }

        if (item.AuthorId != caller.PersonId)
        {
            return ProblemSetup.Problem(context, StatusCodes.Status403Forbidden, AgendaTexts.OnlyAuthorMayChange);
        }

        var validation = new Validation(caller.Language);
        var text = validation.Text("text", request.Text, Limits.AgendaText);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        db.ExpectVersion(item, request.Version);
        item.Text = text;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await AgendaQueries.Project(db.AgendaItems.Where(a => a.Id == item.Id), meeting.Id).SingleAsync(cancellationToken));
    }

    private static async Task<Results<Ok<AgendaItemResponse>, NotFound>> SetDiscussedAsync(
        Guid meetingId, Guid itemId, DiscussedRequest request, OneOnOneDb db, CancellationToken cancellationToken)
    {
        var (meeting, item) = await FindItemAsync(db, meetingId, itemId, cancellationToken);
        if (meeting is null || item is null)
        {
            return TypedResults.NotFound();
        }

        db.ExpectVersion(item, request.Version);
        item.DiscussedInMeetingId = request.Discussed ? meeting.Id : null;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await AgendaQueries.Project(db.AgendaItems.Where(a => a.Id == item.Id), meeting.Id).SingleAsync(cancellationToken));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        Guid meetingId, Guid itemId, Caller caller, OneOnOneDb db, HttpContext context, CancellationToken cancellationToken)
    {
        var (meeting, item) = await FindItemAsync(db, meetingId, itemId, cancellationToken);
        if (meeting is null || item is null)
        {
            return TypedResults.NotFound();
        }

        if (item.AuthorId != caller.PersonId)
        {
            return ProblemSetup.Problem(context, StatusCodes.Status403Forbidden, AgendaTexts.OnlyAuthorMayChange);
        }

        db.AgendaItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AgendaItemResponse[]>, NotFound, ValidationProblem>> ReorderAsync(
        Guid meetingId, ReorderAgendaRequest request, Caller caller, OneOnOneDb db, CancellationToken cancellationToken)
    {
        var meeting = await FindMeetingAsync(db, meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var items = await AgendaQueries.ForMeeting(db, meeting).ToListAsync(cancellationToken);
        var order = request.ItemIds ?? [];
        if (order.Length != items.Count || order.Distinct().Count() != order.Length || !items.All(i => order.Contains(i.Id)))
        {
            var validation = new Validation(caller.Language);
            validation.Add("itemIds", AgendaTexts.OrderMustListAgenda);
            return validation.Problem();
        }

        foreach (var item in items)
        {
            item.Position = Array.IndexOf(order, item.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await AgendaQueries.Project(AgendaQueries.ForMeeting(db, meeting), meeting.Id).ToArrayAsync(cancellationToken));
    }

    private static async Task<(Meeting? Meeting, AgendaItem? Item)> FindItemAsync(OneOnOneDb db, Guid meetingId, Guid itemId, CancellationToken cancellationToken)
    {
        var meeting = await FindMeetingAsync(db, meetingId, cancellationToken);
        var item = meeting is null ? null : await AgendaQueries.ForMeeting(db, meeting).FirstOrDefaultAsync(a => a.Id == itemId, cancellationToken);
        return (meeting, item);
    }
}
