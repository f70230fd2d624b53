using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Api.Data;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Notes;

public sealed record NoteResponse(NoteVisibility Visibility, string Text, Guid Version, DateTimeOffset UpdatedAt, Guid UpdatedById)
{
    public static NoteResponse From(Note note) => new(note.Visibility, note.Text, note.Version, new DateTimeOffset(note.UpdatedUtc), note.AuthorId);
}

/// <summary>The notes of a meeting as the caller may see them (the query filter has already hidden the other's private note).</summary>
public sealed record MeetingNotesResponse(NoteResponse? Shared, NoteResponse? Private)
{
    public static MeetingNotesResponse From(IReadOnlyCollection<Note> visibleNotes) => new(
        visibleNotes.Where(n => n.Visibility == NoteVisibility.Shared).Select(NoteResponse.From).FirstOrDefault(),
        visibleNotes.Where(n => n.Visibility == NoteVisibility.Private).Select(NoteResponse.From).FirstOrDefault());
}

/// <summary>The text and the version the client last saw (null when it saw no note yet).</summary>
public sealed record SaveNoteRequest(string? Text, Guid? Version = null) : IOpenApiExample
{
    public static string Example => """{ "text": "We agreed to move the dashboard to April.", "version": null }""";
}

public static class NotesEndpoints
{
    public static IEndpointRouteBuilder MapNotesEndpoints(this IEndpointRouteBuilder app)
    {
        var notes = app.MapGroup("/api/meetings/{meetingId:guid}/notes").WithTags("Notes").RequireAuthorization();
        notes.MapGet("/", GetAsync).WithSummary("The shared note and the caller's own private note.");
        notes.MapPut("/shared", (Guid meetingId, SaveNoteRequest request, Caller caller, OneOnOneDb db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
                SaveAsync(meetingId, NoteVisibility.Shared, request, caller, db, clock, context, cancellationToken))
            .WithSummary("Saves the shared note. A stale version answers 409 with the current note, so neither text is lost.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        notes.MapPut("/private", (Guid meetingId, SaveNoteRequest request, Caller caller, OneOnOneDb db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
                SaveAsync(meetingId, NoteVisibility.Private, request, caller, db, clock, context, cancellationToken))
            .WithSummary("Saves the caller's private note; nobody else ever sees it.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<MeetingNotesResponse>, NotFound>> GetAsync(Guid meetingId, OneOnOneDb db, CancellationToken cancellationToken)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        // The query filter already hides other people's private notes.
        var notes = await db.Notes.Where(n => n.MeetingId == meetingId).ToListAsync(cancellationToken);
        return TypedResults.Ok(MeetingNotesResponse.From(notes));
    }

    private static async Task<Results<Ok<NoteResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Guid meetingId, NoteVisibility visibility, SaveNoteRequest request, Caller caller, OneOnOneDb db, TimeProvider clock,
        HttpContext context, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var validation = new Validation(caller.Language);
        var text = validation.Text("text", request.Text, Limits.NoteText, required: false, singleLine: false);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        var ownerKey = visibility == NoteVisibility.Shared ? Guid.Empty : caller.PersonId;
        var note = await db.Notes.FirstOrDefaultAsync(n => n.MeetingId == meetingId && n.OwnerKey == ownerKey, cancellationToken);
        // A client that saw no note yet sends no version; one that saw an older version than the current conflicts.
        if (note is not null && note.Version != request.Version)
        {
            return Conflict(context, note);
        }

        if (note is null)
        {
            note = visibility == NoteVisibility.Shared ? Note.Shared(meeting, caller.PersonId) : Note.Private(meeting, caller.PersonId);
            db.Notes.Add(note);
        }
        else
        {
            db.ExpectVersion(note, request.Version!.Value);
        }

        note.Text = text;
        note.AuthorId = caller.PersonId;
        note.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved in between (or created the note first): answer with theirs.
            db.ChangeTracker.Clear();
            var current = await db.Notes.FirstAsync(n => n.MeetingId == meetingId && n.OwnerKey == ownerKey, cancellationToken);
            return Conflict(context, current);
        }

        return TypedResults.Ok(NoteResponse.From(note));
    }

    private static ProblemHttpResult Conflict(HttpContext context, Note current) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = Texts.ConflictTitle.In(ProblemSetup.LanguageOf(context)),
            Detail = Texts.ConflictDetail.In(ProblemSetup.LanguageOf(context)),
            Extensions = { ["current"] = NoteResponse.From(current) },
        });
}
