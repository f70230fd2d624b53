using Microsoft.AspNetCore.Http.HttpResults;
using OneOnOne.Api.Data;
using OneOnOne.Api.Guide;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Identity;

namespace OneOnOne.Api.Documents;

/// <summary>The meeting's notes document as the caller gets it: from the API, and from a recap's signed link (FollowUps).</summary>
public static class NotesDocumentFile
{
    public static async Task<FileContentHttpResult> CreateAsync(
        Meeting meeting, Caller caller, TimeZoneInfo zone, OneOnOneDb db, TenantGuides guides, TimeProvider clock, HttpRequest request, PublicAddress address,
        WordAddInReference wordAddIn, CancellationToken cancellationToken)
    {
        var model = await NotesDocumentLoader.LoadAsync(meeting, caller, address.For(request), zone, db, guides, clock, cancellationToken);
        // Meeting notes are personal: no shared cache keeps a copy.
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        var other = meeting.Series.OtherPerson(caller.PersonId);
        return TypedResults.File(NotesDocumentWriter.Write(model, wordAddIn), NotesDocument.ContentType, NotesDocument.FileName(caller.Language, other.DisplayName, model.LocalStart));
    }
}
