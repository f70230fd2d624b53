using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OneOnOne.Api.Data;
using OneOnOne.Api.Graph;
using OneOnOne.Api.Guide;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;
using OneOnOne.Api.Localization;
using ImportResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<OneOnOne.Api.Documents.DocumentChanges>,
    Microsoft.AspNetCore.Http.HttpResults.NotFound,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace OneOnOne.Api.Documents;

public static class DocumentsEndpoints
{
    /// <summary>The largest upload request: the document and the multipart framing around it.</summary>
    public const int MaxRequestBytes = PackageGuard.MaxUploadBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var meeting = app.MapGroup("/api/meetings/{meetingId:guid}").WithTags("Documents").RequireAuthorization();

        meeting.MapGet("/notes.docx", DownloadAsync)
            .WithSummary("The meeting-notes Word document, in the caller's language; ?timeZone= (IANA or Windows id) for the times in it, UTC by default.")
            .Produces(StatusCodes.Status200OK, contentType: NotesDocument.ContentType);

        // multipart/form-data with the document in a field named "file". The server's body limit for this endpoint
        // cuts an oversized upload off while it arrives (a chunked one has no Content-Length to refuse it by).
        meeting.MapPost("/notes.docx", UploadAsync)
            .WithSummary("Upload the edited document (multipart/form-data, field \"file\"): new rows become action items, changed rows and the shared notes are applied. Idempotent; the answer lists what changed.")
            .Accepts<DocumentUpload>("multipart/form-data")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxRequestBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        meeting.MapPost("/notes/import", ImportAsync)
            .WithSummary("What the Word pane posts instead of a file: the document's action rows and shared notes, applied exactly as an uploaded document is.");

        meeting.MapPost("/notes.docx/onedrive", StoreInOneDriveAsync)
            .WithSummary("Puts the document in the caller's OneDrive (a folder per 1-on-1), shares it with the other participant and answers the link that opens it in Word for the web. An existing file is left as it is. EntraId mode only.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        meeting.MapPost("/notes.docx/onedrive/import", ImportFromOneDriveAsync)
            .WithSummary("Reads the document back from OneDrive and applies it like an upload (use the same ?timeZone= as when it was stored).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> DownloadAsync(
        Guid meetingId, string? timeZone, Caller caller, OneOnOneDb db, TenantGuides guides, TimeProvider clock, HttpRequest request, PublicAddress address,
        WordAddInReference wordAddIn, CancellationToken cancellationToken)
    {
        var meeting = await NotesDocumentLoader.FindMeetingAsync(db, meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        if (TimeZones.Find(timeZone) is not { } zone)
        {
            return UnknownZone(caller);
        }

        return await NotesDocumentFile.CreateAsync(meeting, caller, zone, db, guides, clock, request, address, wordAddIn, cancellationToken);
    }

    /// <summary>
    /// Reads the form itself rather than binding an IFormFile, so an oversized or malformed upload is answered with this
    /// feature's problem (413 or 400, in the caller's language) instead of the framework's generic 400.
    /// </summary>
    private static async Task<ImportResult> UploadAsync(
        Guid meetingId, HttpRequest request, Caller caller, OneOnOneDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var context = request.HttpContext;
        var meeting = await NotesDocumentLoader.FindMeetingAsync(db, meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        if (request.ContentLength > MaxRequestBytes)
        {
            return Problem(context, TooLarge());
        }

        IFormFile? file;
        try
        {
            file = request.HasFormContentType ? (await request.ReadFormAsync(cancellationToken)).Files.GetFile("file") : null;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(context, TooLarge());
        }
        catch (InvalidDataException)
        {
            file = null;
        }

        if (file is null)
        {
            return Problem(context, new InvalidNotesDocumentException(DocumentTexts.NoFile));
        }

        if (file.Length > PackageGuard.MaxUploadBytes)
        {
            return Problem(context, TooLarge());
        }

        var package = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(package, cancellationToken);
        }

        return await ImportDocumentAsync(meeting, package, caller, db, clock, context, cancellationToken);
    }

    private static async Task<ImportResult> ImportAsync(
        Guid meetingId, NotesImportRequest request, Caller caller, OneOnOneDb db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var meeting = await NotesDocumentLoader.FindMeetingAsync(db, meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        return await NotesImporter.ApplyAsync(
            meeting, NotesImporter.RowsFrom(request), request.SharedNotes, request.SharedNotesBaseline, new Validation(caller.Language),
            caller, db, clock, context, cancellationToken);
    }

    private static async Task<Results<Ok<OneDriveDocument>, NotFound, ValidationProblem, ProblemHttpResult>> StoreInOneDriveAsync(
        Guid meetingId, string? timeZone, Caller caller, OneOnOneDb db, TenantGuides guides, TimeProvider clock, OneDriveStore oneDrive, HttpContext context,
        PublicAddress address, WordAddInReference wordAddIn, ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var meeting = await NotesDocumentLoader.FindMeetingAsync(db, meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        if (!oneDrive.IsAvailable)
        {
            return OneDriveUnavailable(context);
        }

        if (TimeZones.Find(timeZone) is not { } zone)
        {
            return UnknownZone(caller);
        }

        var model = await NotesDocumentLoader.LoadAsync(meeting, caller, address.For(context.Request), zone, db, guides, clock, cancellationToken);
        var series = meeting.Series;
        var other = series.OtherPerson(caller.PersonId);
        try
        {
            return TypedResults.Ok(await oneDrive.StoreAsync(
                OneDriveStore.PathFor(series, model.LocalStart), NotesDocumentWriter.Write(model, wordAddIn), other.Email, cancellationToken));
        }
        catch (Exception e) when (GraphFailures.IsFailure(e))
        {
            return GraphFailed(context, logs, e);
        }
    }

    private static async Task<ImportResult> ImportFromOneDriveAsync(
        Guid meetingId, string? timeZone, Caller caller, OneOnOneDb db, TenantGuides guides, TimeProvider clock, OneDriveStore oneDrive, HttpContext context,
        ILoggerFactory logs, CancellationToken cancellationToken)
    {
        var meeting = await NotesDocumentLoader.FindMeetingAsync(db, meetingId, cancellationToken);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        if (!oneDrive.IsAvailable)
        {
            return OneDriveUnavailable(context);
        }

        if (TimeZones.Find(timeZone) is not { } zone)
        {
            return UnknownZone(caller);
        }

        byte[]? package;
        try
        {
            package = await oneDrive.DownloadAsync(OneDriveStore.PathFor(meeting.Series, NotesDocumentLoader.Local(meeting.StartUtc, zone)), cancellationToken);
        }
        catch (InvalidNotesDocumentException e)
        {
            return Problem(context, e);
        }
        catch (Exception e) when (GraphFailures.IsFailure(e))
        {
            return GraphFailed(context, logs, e);
        }

        return package is null
            ? ProblemSetup.Problem(context, StatusCodes.Status404NotFound, DocumentTexts.OneDriveNotFound)
            : await ImportDocumentAsync(meeting, package, caller, db, clock, context, cancellationToken);
    }

    private static async Task<ImportResult> ImportDocumentAsync(
        Meeting meeting, byte[] package, Caller caller, OneOnOneDb db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        NotesDocumentContent content;
        try
        {
            content = NotesDocumentReader.Read(package);
        }
        catch (InvalidNotesDocumentException e)
        {
            return Problem(context, e);
        }

        if (content.MeetingId != meeting.Id)
        {
            return Problem(context, new InvalidNotesDocumentException(DocumentTexts.OtherMeeting));
        }

        var validation = new Validation(caller.Language);
        var rows = NotesImporter.RowsFrom(content, caller.Language, validation);
        return await NotesImporter.ApplyAsync(meeting, rows, content.SharedNotes, content.SharedNotesBaseline, validation, caller, db, clock, context, cancellationToken);
    }

    private static InvalidNotesDocumentException TooLarge() =>
        new(DocumentTexts.TooLarge, StatusCodes.Status413PayloadTooLarge, PackageGuard.MaxUploadBytes / 1024 / 1024);

    private static ProblemHttpResult Problem(HttpContext context, InvalidNotesDocumentException e)
    {
        var language = ProblemSetup.LanguageOf(context);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = e.Status,
            Title = e.Status == StatusCodes.Status413PayloadTooLarge ? DocumentTexts.TooLargeTitle.In(language) : null,
            Detail = e.Reason.In(language, e.Args),
        });
    }

    private static ProblemHttpResult OneDriveUnavailable(HttpContext context)
    {
        var language = ProblemSetup.LanguageOf(context);
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = DocumentTexts.OneDriveUnavailableTitle.In(language),
            Detail = DocumentTexts.OneDriveUnavailable.In(language),
        });
    }

    private static ProblemHttpResult GraphFailed(HttpContext context, ILoggerFactory logs, Exception e)
    {
        logs.CreateLogger(typeof(OneDriveStore)).LogWarning(e, "OneDrive refused or could not be reached for {Path}", context.Request.Path);
        return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status502BadGateway });
    }

    private static ValidationProblem UnknownZone(Caller caller)
    {
        var validation = new Validation(caller.Language);
        validation.Add("timeZone", Texts.UnknownTimeZone);
        return validation.Problem();
    }

}
