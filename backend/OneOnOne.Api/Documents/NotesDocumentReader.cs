using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Documents;

/// <summary>One row of an action table as the document has it: cells in the order action, owner, due date, status.</summary>
public sealed record DocumentRow(string Table, int Number, Guid? ActionId, string Text, string Owner, string DueDate, string Status)
{
    public bool IsBlank => Text.Length == 0 && Owner.Length == 0 && DueDate.Length == 0 && Status.Length == 0;
}

/// <summary>An action as the document had it when it was made (from the custom XML part).</summary>
public sealed record BaselineAction(string Text, string Owner, string DueDate, string Status);

public sealed record NotesDocumentContent(
    Guid MeetingId,
    Guid SeriesId,
    string BaseUrl,
    IReadOnlyList<DocumentRow> Rows,
    string? SharedNotes,
    string SharedNotesBaseline,
    IReadOnlyDictionary<Guid, BaselineAction> Baseline);

/// <summary>Reads an uploaded meeting-notes document back by its tags (see <see cref="NotesDocument"/>).</summary>
public static class NotesDocumentReader
{
    public const string EarlierTable = "earlierActions";
    public const string NewTable = "newActions";

    public static NotesDocumentContent Read(byte[] package)
    {
        PackageGuard.Check(package);
        try
        {
            using var document = WordprocessingDocument.Open(
                new MemoryStream(package, writable: false), false, new OpenSettings { MaxCharactersInPart = PackageGuard.MaxUnpackedBytes });
            if (document.DocumentType != WordprocessingDocumentType.Document || document.MainDocumentPart?.Document?.Body is not { } body)
            {
                throw new InvalidNotesDocumentException(DocumentTexts.NotAWordDocument);
            }

            return Read(document.MainDocumentPart, body);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException or InvalidOperationException)
        {
            throw new InvalidNotesDocumentException(DocumentTexts.NotAWordDocument);
        }
    }

    private static NotesDocumentContent Read(MainDocumentPart main, Body body)
    {
        var meta = main.CustomXmlParts.Select(ReadMeta).FirstOrDefault(m => m is not null)
            ?? throw new InvalidNotesDocumentException(DocumentTexts.NotOurDocument);

        var blocks = body.Descendants<SdtBlock>().ToList();
        var newTable = TableIn(blocks, NotesDocument.NewActionsTag) ?? throw new InvalidNotesDocumentException(DocumentTexts.NoActionTable);
        var seen = new HashSet<Guid>();
        var rows = new List<DocumentRow>();
        if (TableIn(blocks, NotesDocument.EarlierActionsTag) is { } earlierTable)
        {
            rows.AddRange(RowsOf(earlierTable, EarlierTable, seen));
        }

        rows.AddRange(RowsOf(newTable, NewTable, seen));

        var notesBlock = blocks.FirstOrDefault(b => TagOf(b.SdtProperties) == NotesDocument.SharedNotesTag);
        var notes = notesBlock?.SdtContentBlock is { } content
            ? UserText.Clean(string.Join('\n', content.Descendants<Paragraph>().Where(p => !p.Ancestors<Paragraph>().Any()).Select(TextOf)))
            : null;

        return meta with { Rows = rows, SharedNotes = notes };
    }

    private static Table? TableIn(List<SdtBlock> blocks, string tag) =>
        blocks.FirstOrDefault(b => TagOf(b.SdtProperties) == tag)?.Descendants<Table>().FirstOrDefault();

    /// <summary>
    /// The data rows of a table. A row is an existing action when it is the first row inside a content control
    /// tagged with an action id that was not seen before; any other row is new: Word puts a row added with Tab
    /// outside (or after) the tagged one, and a copied row carries the tag of the row it was copied from.
    /// </summary>
    private static IEnumerable<DocumentRow> RowsOf(Table table, string tableName, HashSet<Guid> seen)
    {
        var number = 0;
        foreach (var row in table.Descendants<TableRow>().Where(r => r.Ancestors<Table>().First() == table))
        {
            if (row.TableRowProperties?.GetFirstChild<TableHeader>() is not null)
            {
                continue;
            }

            number++;
            Guid? actionId = null;
            var control = row.Ancestors<SdtRow>().FirstOrDefault();
            if (control is not null
                && control.Descendants<TableRow>().First() == row
                && TagOf(control.SdtProperties) is { } tag
                && tag.StartsWith(NotesDocument.ActionTagPrefix, StringComparison.Ordinal)
                && Guid.TryParse(tag.AsSpan(NotesDocument.ActionTagPrefix.Length), out var id)
                && seen.Add(id))
            {
                actionId = id;
            }

            var cells = row.Descendants<TableCell>().Where(c => c.Ancestors<TableRow>().First() == row)
                .Select(c => UserText.CleanLine(string.Join(' ', c.Descendants<Paragraph>().Where(p => p.Ancestors<TableCell>().First() == c).Select(TextOf))))
                .ToList();
            string Cell(int index) => index < cells.Count ? cells[index] : "";
            yield return new DocumentRow(tableName, number, actionId, Cell(0), Cell(1), Cell(2), Cell(3));
        }
    }

    private static string? TagOf(SdtProperties? properties) => properties?.GetFirstChild<Tag>()?.Val?.Value;

    /// <summary>The visible text of a paragraph; deleted text of tracked changes (w:delText) is not part of it.</summary>
    private static string TextOf(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text t:
                    text.Append(t.Text);
                    break;
                case TabChar or PositionalTab:
                    text.Append('\t');
                    break;
                case Break or CarriageReturn:
                    text.Append('\n');
                    break;
                case NoBreakHyphen:
                    text.Append('-');
                    break;
            }
        }

        return text.ToString();
    }

    private static NotesDocumentContent? ReadMeta(CustomXmlPart part)
    {
        XElement root;
        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            root = XElement.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        XNamespace ns = NotesDocument.Namespace;
        if (root.Name != ns + "meeting")
        {
            return null;
        }

        if (!Guid.TryParse((string?)root.Element(ns + "meetingId"), out var meetingId) || !Guid.TryParse((string?)root.Element(ns + "seriesId"), out var seriesId))
        {
            throw new InvalidNotesDocumentException(DocumentTexts.NotOurDocument);
        }

        var baseline = new Dictionary<Guid, BaselineAction>();
        foreach (var action in root.Element(ns + "actions")?.Elements(ns + "action") ?? [])
        {
            if (Guid.TryParse((string?)action.Attribute("id"), out var id))
            {
                baseline[id] = new BaselineAction(
                    UserText.CleanLine((string?)action.Attribute("text")),
                    UserText.CleanLine((string?)action.Attribute("owner")),
                    UserText.CleanLine((string?)action.Attribute("dueDate")),
                    UserText.CleanLine((string?)action.Attribute("status")));
            }
        }

        return new NotesDocumentContent(
            meetingId,
            seriesId,
            (string?)root.Element(ns + "baseUrl") ?? "",
            [],
            null,
            UserText.Clean((string?)root.Element(ns + "sharedNotes")),
            baseline);
    }
}
