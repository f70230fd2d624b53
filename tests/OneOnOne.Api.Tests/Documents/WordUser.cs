using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using OneOnOne.Api.Documents;

namespace OneOnOne.Api.Tests.Documents;

/// <summary>Edits a meeting-notes document with the OpenXML SDK the way a person does in Word.</summary>
public static class WordUser
{
    /// <summary>The validator's errors (Microsoft 365 format), one line each, so a failing test shows them.</summary>
    public static IReadOnlyList<string> ValidationErrors(byte[] package)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(package), false);
        return new OpenXmlValidator(FileFormatVersions.Microsoft365).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }

    public static byte[] Edit(byte[] package, Action<Body> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var document = WordprocessingDocument.Open(stream, true))
        {
            edit(document.MainDocumentPart!.Document!.Body!);
        }

        return stream.ToArray();
    }

    public static string BodyText(byte[] package)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(package), false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    /// <summary>The whole package as text (every part), to prove something is nowhere in it.</summary>
    public static string AllParts(byte[] package)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(package));
        return string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
    }

    public static SdtBlock Block(Body body, string tag) =>
        body.Descendants<SdtBlock>().Single(b => b.SdtProperties!.GetFirstChild<Tag>()!.Val == tag);

    public static Table Table(Body body, string tag) => Block(body, tag).Descendants<Table>().Single();

    /// <summary>The row of an action: the first row inside the content control tagged with its id.</summary>
    public static TableRow Row(Body body, Guid actionId) =>
        body.Descendants<SdtRow>().Single(r => r.SdtProperties!.GetFirstChild<Tag>()!.Val == NotesDocument.ActionTag(actionId))
            .Descendants<TableRow>().First();

    /// <summary>Types into the empty row the document offers for a new action.</summary>
    public static void FillBlankRow(Body body, params string[] cells)
    {
        var row = body.Descendants<SdtRow>().Single(r => r.SdtProperties!.GetFirstChild<Tag>()!.Val == NotesDocument.NewActionTag)
            .Descendants<TableRow>().First();
        SetCells(row, cells);
    }

    /// <summary>Tab in the last cell: Word adds a plain row (no content control) at the end of the table.</summary>
    public static void AddRow(Body body, params string[] cells)
    {
        var table = Table(body, NotesDocument.NewActionsTag);
        var template = table.Elements<TableRow>().First();
        var row = (TableRow)template.CloneNode(true);
        row.TableRowProperties?.Remove();
        SetCells(row, cells);
        table.Append(row);
    }

    public static void SetCell(TableRow row, int column, string text)
    {
        var cell = row.Elements<TableCell>().ElementAt(column);
        foreach (var paragraph in cell.Elements<Paragraph>().ToList())
        {
            paragraph.Remove();
        }

        cell.Append(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));
    }

    public static void SetCells(TableRow row, params string[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            SetCell(row, i, cells[i]);
        }
    }

    /// <summary>Replaces the shared notes with these lines, one paragraph each.</summary>
    public static void WriteNotes(Body body, params string[] lines)
    {
        var content = Block(body, NotesDocument.SharedNotesTag).SdtContentBlock!;
        content.RemoveAllChildren();
        foreach (var line in lines)
        {
            content.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
        }
    }
}
