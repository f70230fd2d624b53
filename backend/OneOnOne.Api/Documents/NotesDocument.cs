using OneOnOne.Api.Data;

namespace OneOnOne.Api.Documents;

/// <summary>
/// The contract of the meeting-notes document, shared by the server (<see cref="NotesDocumentWriter"/>,
/// <see cref="NotesDocumentReader"/>) and the Word pane, which reads the same document through Office.js.
/// <para>
/// Content controls (w:sdt), found by their tag:
/// <list type="bullet">
/// <item><c>oneonone:actions:earlier</c> — a block around the table of action items carried in from earlier meetings.</item>
/// <item><c>oneonone:actions:new</c> — a block around the table of this meeting's action items (always present).</item>
/// <item><c>oneonone:action:{actionId}</c> — one table row of an existing action item.</item>
/// <item><c>oneonone:action:new</c> — an empty row to write a new action item in. A row with no tag (Word adds one
/// when you press Tab in the last cell) is new as well.</item>
/// <item><c>oneonone:notes:shared</c> — a block with the shared notes, one paragraph per line.</item>
/// </list>
/// Both tables have the columns action, owner (name or e-mail of a participant), due date (yyyy-MM-dd) and status;
/// the first row is a header row (w:tblHeader).
/// </para>
/// <para>
/// A custom XML part in the namespace <c>urn:oneonone:meeting</c>:
/// <code>
/// &lt;meeting xmlns="urn:oneonone:meeting" formatVersion="1"&gt;
///   &lt;meetingId&gt;…&lt;/meetingId&gt;&lt;seriesId&gt;…&lt;/seriesId&gt;&lt;baseUrl&gt;https://…&lt;/baseUrl&gt;
///   &lt;sharedNotes&gt;the notes as the document was made&lt;/sharedNotes&gt;
///   &lt;actions&gt;&lt;action id="…" text="…" owner="…" dueDate="2030-03-15" status="Open"/&gt;&lt;/actions&gt;
/// &lt;/meeting&gt;
/// </code>
/// The notes and actions in it are the baseline: what the document said when it was made. Only what a user
/// changed relative to it is applied on upload, so a document that sat in OneDrive for a week does not undo what
/// was changed in the pane since, and uploading it twice changes nothing the second time.
/// </para>
/// </summary>
public static class NotesDocument
{
    public const string Namespace = "urn:oneonone:meeting";
    public const string FormatVersion = "1";

    public const string EarlierActionsTag = "oneonone:actions:earlier";
    public const string NewActionsTag = "oneonone:actions:new";
    public const string ActionTagPrefix = "oneonone:action:";
    public const string NewActionTag = "oneonone:action:new";
    public const string SharedNotesTag = "oneonone:notes:shared";

    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string ActionTag(Guid actionId) => ActionTagPrefix + actionId.ToString("D");

    /// <summary>The language-neutral file name, the same in the download and in OneDrive.</summary>
    /// <summary>"1-on-1 with Priya Raman 2030-03-04 09.00.docx" in the reader's language: one name per meeting and reader.</summary>
    public static string FileName(string language, string otherPersonName, DateTime localStart) =>
        $"{DocumentTexts.FileName.In(language, SafeName(otherPersonName), localStart.ToString("yyyy-MM-dd HH.mm", System.Globalization.CultureInfo.InvariantCulture))}.docx";

    /// <summary>A name Windows, macOS and OneDrive accept in a path: none of their reserved characters, no leading or trailing dots or spaces.</summary>
    public static string SafeName(string name)
    {
        var safe = new System.Text.StringBuilder();
        foreach (var c in Data.UserText.CleanLine(name))
        {
            safe.Append("\"*:<>?/\\|#%~&{}".Contains(c, StringComparison.Ordinal) ? '_' : c);
        }

        var trimmed = safe.ToString().Trim(' ', '.');
        var length = Math.Min(trimmed.Length, 60);
        // Never cut an emoji (a surrogate pair) in half.
        if (length < trimmed.Length && char.IsHighSurrogate(trimmed[length - 1]))
        {
            length--;
        }

        return length == 0 ? "_" : trimmed[..length];
    }
}

/// <summary>The upload form, as the OpenAPI document describes it: the .docx in a field named "file".</summary>
public sealed record DocumentUpload(IFormFile File);

/// <summary>Everything the document shows, already visible to the caller (no private note is ever in here).</summary>
public sealed record NotesDocumentModel(
    Guid MeetingId,
    Guid SeriesId,
    string BaseUrl,
    string Language,
    string ManagerName,
    string ReportName,
    DateTime LocalStart,
    DateTime LocalEnd,
    string TimeZoneName,
    string? Goal,
    IReadOnlyList<DocumentAgendaItem> Agenda,
    IReadOnlyList<DocumentAction> EarlierActions,
    IReadOnlyList<DocumentAction> NewActions,
    IReadOnlyList<string> Prompts,
    string SharedNotes);

public sealed record DocumentAgendaItem(string Text, string AuthorName, DateTime? CarriedOverFromLocal, bool Discussed);

public sealed record DocumentAction(Guid Id, string Text, string OwnerName, DateOnly? DueDate, ActionStatus Status);
