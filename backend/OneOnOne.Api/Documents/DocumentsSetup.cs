using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;

namespace OneOnOne.Api.Documents;

/// <summary>The Word meeting-notes document: generated, read back, stored in OneDrive.</summary>
public static class DocumentsSetup
{
    private static readonly JsonNode ImportExample = JsonNode.Parse("""
        {
          "actions": [
            { "id": null, "text": "Send the slides", "ownerEmailOrName": "priya.raman@demo.oneonone.test", "dueDate": "2030-03-15", "status": null, "baseline": null },
            {
              "id": "6d0a1c52-0000-4000-8000-00000000ac71", "text": "Book the training", "ownerEmailOrName": "Priya Raman", "dueDate": "2030-03-08", "status": "Done",
              "baseline": { "text": "Book the training", "ownerEmailOrName": "Priya Raman", "dueDate": "2030-03-08", "status": "Open" }
            }
          ],
          "sharedNotes": "We agreed to move the dashboard to April.",
          "sharedNotesBaseline": ""
        }
        """)!;

    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<OneDriveStore>();
        services.AddSingleton(sp => WordAddInReference.For(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>()));
        // The feature's own example body in the OpenAPI document ("v1" is the document's name).
        services.Configure<OpenApiOptions>("v1", options => options.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type == typeof(NotesImportRequest))
            {
                schema.Examples = [ImportExample.DeepClone()];
            }

            return Task.CompletedTask;
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var meeting = app.MapGroup("/api/meetings/{meetingId:guid}").WithTags("Documents").RequireAuthorization();

        meeting.MapGet("/notes.docx", DocumentsEndpoints.DownloadAsync)
            .WithSummary("The meeting-notes Word document, in the caller's language; ?timeZone= (IANA or Windows id) for the times in it, UTC by default.")
            .Produces(StatusCodes.Status200OK, contentType: NotesDocument.ContentType);

        // multipart/form-data with the document in a field named "file". The server's body limit for this endpoint
        // cuts an oversized upload off while it arrives (a chunked one has no Content-Length to refuse it by).
        meeting.MapPost("/notes.docx", DocumentsEndpoints.UploadAsync)
            .WithSummary("Upload the edited document (multipart/form-data, field \"file\"): new rows become action items, changed rows and the shared notes are applied. Idempotent; the answer lists what changed.")
            .Accepts<DocumentUpload>("multipart/form-data")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(DocumentsEndpoints.MaxRequestBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        meeting.MapPost("/notes/import", DocumentsEndpoints.ImportAsync)
            .WithSummary("What the Word pane posts instead of a file: the document's action rows and shared notes, applied exactly as an uploaded document is.");

        meeting.MapPost("/notes.docx/onedrive", DocumentsEndpoints.StoreInOneDriveAsync)
            .WithSummary("Puts the document in the caller's OneDrive (a folder per 1-on-1), shares it with the other participant and answers the link that opens it in Word for the web. An existing file is left as it is. EntraId mode only.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);

        meeting.MapPost("/notes.docx/onedrive/import", DocumentsEndpoints.ImportFromOneDriveAsync)
            .WithSummary("Reads the document back from OneDrive and applies it like an upload (use the same ?timeZone= as when it was stored).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return app;
    }
}
