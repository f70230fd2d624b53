using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.CustomXmlDataProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Documents;

/// <summary>
/// Writes the meeting-notes document (see <see cref="NotesDocument"/> for its tags and custom XML part).
/// Every user text passes <see cref="UserText"/> here once more: a character XML cannot hold throws at save time,
/// and the validator would not catch it. OpenXML constructors do not enforce schema order, so children are added in
/// the order of the schema and the tests validate every document.
/// </summary>
public static class NotesDocumentWriter
{
    private const string TableStyleId = "OneOnOneTable";
    private const string HintStyleId = "OneOnOneHint";
    private const string MetaStyleId = "SubtleEmphasis";

    // A4 with 2.54 cm margins: 9026 twips of text width, shared by the four columns. The due date's column fits
    // "2030-12-31" with the cell's margins in the fonts Word and LibreOffice use, and never wraps it.
    private static readonly int[] ColumnWidths = [3576, 1800, 1700, 1950];
    private const int DueDateColumn = 2;

    public static byte[] Write(NotesDocumentModel model, WordAddInReference? wordAddIn = null)
    {
        using var output = new MemoryStream();
        Write(model, output, wordAddIn);
        return output.ToArray();
    }

    public static void Write(NotesDocumentModel model, Stream output, WordAddInReference? wordAddIn = null)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var language = model.Language;
        var main = document.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(StylesXml.Replace("{LANG}", language == "nl" ? "nl-NL" : "en-GB", StringComparison.Ordinal));
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(NumberingXml);
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(SettingsXml);
        AddCustomXml(main, model);
        // Opens the Word pane with the document where the add-in is installed from the store the reference names.
        WordPaneAutoOpen.AddTo(document, wordAddIn ?? WordAddInReference.CentrallyDeployed);

        var ids = new SdtIds();
        var title = DocumentTexts.Title.In(language, Line(model.ManagerName), Line(model.ReportName));
        var body = new Body();
        body.Append(TextParagraph(title, "Title"));
        body.Append(TextParagraph(DocumentTexts.When.In(language, model.LocalStart, model.LocalEnd, Line(model.TimeZoneName)), "Subtitle"));

        body.Append(TextParagraph(DocumentTexts.GoalHeading.In(language), "Heading1"));
        var goal = Line(model.Goal);
        body.Append(goal.Length > 0 ? TextParagraph(goal) : TextParagraph(DocumentTexts.NoGoal.In(language), HintStyleId));

        body.Append(TextParagraph(DocumentTexts.AgendaHeading.In(language), "Heading1"));
        if (model.Agenda.Count == 0)
        {
            body.Append(TextParagraph(DocumentTexts.NoAgenda.In(language), HintStyleId));
        }

        foreach (var item in model.Agenda)
        {
            body.Append(AgendaParagraph(item, language));
        }

        body.Append(TextParagraph(DocumentTexts.EarlierActionsHeading.In(language), "Heading1"));
        if (model.EarlierActions.Count == 0)
        {
            body.Append(TextParagraph(DocumentTexts.NoEarlierActions.In(language), HintStyleId));
        }
        else
        {
            body.Append(TextParagraph(DocumentTexts.EarlierActionsHint.In(language), HintStyleId));
            body.Append(ActionTable(NotesDocument.EarlierActionsTag, DocumentTexts.EarlierActionsTable.In(language), model.EarlierActions, withBlankRow: false, language, ids));
        }

        if (model.Prompts.Count > 0)
        {
            body.Append(TextParagraph(DocumentTexts.PromptsHeading.In(language), "Heading1"));
            foreach (var prompt in model.Prompts)
            {
                body.Append(TextParagraph(Line(prompt), "ListBullet"));
            }
        }

        body.Append(TextParagraph(DocumentTexts.SharedNotesHeading.In(language), "Heading1"));
        body.Append(TextParagraph(DocumentTexts.SharedNotesHint.In(language), HintStyleId));
        body.Append(Block(
            NotesDocument.SharedNotesTag,
            DocumentTexts.SharedNotesHeading.In(language),
            ids,
            UserText.Clean(model.SharedNotes).Split('\n').Select(line => TextParagraph(line))));

        body.Append(TextParagraph(DocumentTexts.NewActionsHeading.In(language), "Heading1"));
        body.Append(TextParagraph(DocumentTexts.NewActionsHint.In(language), HintStyleId));
        body.Append(ActionTable(NotesDocument.NewActionsTag, DocumentTexts.NewActionsTable.In(language), model.NewActions, withBlankRow: true, language, ids));
        // Word wants a paragraph after a table that ends the document. It is one point high: where the table ends at the
        // bottom of a page, a full-height empty paragraph would make a blank page of its own (as LibreOffice showed).
        body.Append(new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "20", LineRule = LineSpacingRuleValues.Exact },
            new ParagraphMarkRunProperties(new FontSize { Val = "2" }, new FontSizeComplexScript { Val = "2" }))));
        body.Append(new SectionProperties(
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1440, Right = 1440U, Bottom = 1440, Left = 1440U, Header = 708U, Footer = 708U, Gutter = 0U }));
        main.Document = new Document(body);

        document.PackageProperties.Title = title;
        document.PackageProperties.Subject = DocumentTexts.Subject.In(language, model.LocalStart);
        document.PackageProperties.Creator = "OneOnOne";
        document.PackageProperties.Language = language == "nl" ? "nl-NL" : "en-GB";
    }

    private static Paragraph AgendaParagraph(DocumentAgendaItem item, string language)
    {
        var meta = new List<string> { DocumentTexts.AddedBy.In(language, Line(item.AuthorName)) };
        if (item.CarriedOverFromLocal is { } from)
        {
            meta.Add(DocumentTexts.CarriedOverFrom.In(language, from));
        }

        if (item.Discussed)
        {
            meta.Add(DocumentTexts.Discussed.In(language));
        }

        var text = Line(item.Text);
        var paragraph = TextParagraph(text, "ListNumber");
        paragraph.Append(TextRun($" — {string.Join(", ", meta)}", MetaStyleId, IsRightToLeft(text)));
        return paragraph;
    }

    private static SdtBlock ActionTable(string tag, string caption, IReadOnlyList<DocumentAction> actions, bool withBlankRow, string language, SdtIds ids)
    {
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = TableStyleId },
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true },
                new TableCaption { Val = caption }),
            new TableGrid(ColumnWidths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })),
            new TableRow(
                new TableRowProperties(new TableHeader()),
                Cell(0, DocumentTexts.ActionColumn.In(language)),
                Cell(1, DocumentTexts.OwnerColumn.In(language)),
                Cell(2, DocumentTexts.DueColumn.In(language)),
                Cell(3, DocumentTexts.StatusColumn.In(language))));
        foreach (var action in actions)
        {
            table.Append(ActionRow(NotesDocument.ActionTag(action.Id), ids, CellsOf(action, language)));
        }

        if (withBlankRow)
        {
            table.Append(ActionRow(NotesDocument.NewActionTag, ids, ["", "", "", ""]));
        }

        return Block(tag, caption, ids, [table]);
    }

    /// <summary>The four cells of an action row as the document shows them; the baseline stores the same strings.</summary>
    public static string[] CellsOf(DocumentAction action, string language) =>
    [
        Line(action.Text),
        Line(action.OwnerName),
        action.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        DocumentTexts.Status(action.Status).In(language),
    ];

    private static SdtRow ActionRow(string tag, SdtIds ids, string[] cells) =>
        new(
            new SdtProperties(new Tag { Val = tag }, new SdtId { Val = ids.Next() }),
            new SdtContentRow(new TableRow(cells.Select((text, column) => Cell(column, text)))));

    private static TableCell Cell(int column, string text)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = ColumnWidths[column].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (column == DueDateColumn)
        {
            properties.Append(new NoWrap());
        }

        return new TableCell(properties, TextParagraph(text));
    }

    private static SdtBlock Block(string tag, string alias, SdtIds ids, IEnumerable<OpenXmlElement> content) =>
        new(
            new SdtProperties(new SdtAlias { Val = alias }, new Tag { Val = tag }, new SdtId { Val = ids.Next() }),
            new SdtContentBlock(content));

    private static Paragraph TextParagraph(string text, string? styleId = null)
    {
        var rightToLeft = IsRightToLeft(text);
        var properties = new ParagraphProperties();
        if (styleId is not null)
        {
            properties.Append(new ParagraphStyleId { Val = styleId });
        }

        if (rightToLeft)
        {
            properties.Append(new BiDi());
        }

        var paragraph = new Paragraph();
        if (properties.HasChildren)
        {
            paragraph.Append(properties);
        }

        if (text.Length > 0)
        {
            paragraph.Append(TextRun(text, null, rightToLeft));
        }

        return paragraph;
    }

    /// <summary>A run of text; tabs become tab elements (a literal tab in w:t is not shown as one).</summary>
    private static Run TextRun(string text, string? characterStyleId, bool rightToLeft)
    {
        var run = new Run();
        if (characterStyleId is not null || rightToLeft)
        {
            var properties = new RunProperties();
            if (characterStyleId is not null)
            {
                properties.Append(new RunStyle { Val = characterStyleId });
            }

            if (rightToLeft)
            {
                properties.Append(new RightToLeftText());
            }

            run.Append(properties);
        }

        var parts = text.Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new TabChar());
            }

            if (parts[i].Length > 0)
            {
                run.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        return run;
    }

    private static string Line(string? text) => UserText.CleanLine(text);

    /// <summary>Whether the first letter is Hebrew or Arabic script, so Word lays the paragraph out right to left.</summary>
    private static bool IsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                return true;
            }

            if (char.IsLetter(c))
            {
                return false;
            }
        }

        return false;
    }

    private static void AddCustomXml(MainDocumentPart main, NotesDocumentModel model)
    {
        XNamespace ns = NotesDocument.Namespace;
        var xml = new XElement(ns + "meeting",
            new XAttribute("formatVersion", NotesDocument.FormatVersion),
            new XElement(ns + "meetingId", model.MeetingId.ToString("D")),
            new XElement(ns + "seriesId", model.SeriesId.ToString("D")),
            new XElement(ns + "baseUrl", model.BaseUrl),
            new XElement(ns + "sharedNotes", UserText.Clean(model.SharedNotes)),
            new XElement(ns + "actions", model.EarlierActions.Concat(model.NewActions).Select(action =>
            {
                var cells = CellsOf(action, model.Language);
                return new XElement(ns + "action",
                    new XAttribute("id", action.Id.ToString("D")),
                    new XAttribute("text", cells[0]),
                    new XAttribute("owner", cells[1]),
                    new XAttribute("dueDate", cells[2]),
                    new XAttribute("status", action.Status.ToString()));
            })));

        var part = main.AddCustomXmlPart(CustomXmlPartType.CustomXml);
        using (var stream = part.GetStream(FileMode.Create, FileAccess.Write))
        {
            xml.Save(stream);
        }

        // The properties part names the namespace, which is how Word and Office.js find the part.
        part.AddNewPart<CustomXmlPropertiesPart>().DataStoreItem = new DataStoreItem(
            new SchemaReferences(new SchemaReference { Uri = NotesDocument.Namespace }))
        {
            ItemId = model.MeetingId.ToString("B").ToUpperInvariant(),
        };
    }

    private sealed class SdtIds
    {
        private int next = 1000;

        public int Next() => next++;
    }

    private const string W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    // Built-in style names ("heading 1", "Title", "List Number") so Word treats them as its own: the navigation pane
    // shows the headings and the styles gallery shows the document's styles.
    private const string StylesXml = "<w:styles " + W + ">" +
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:eastAsia=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Arial\"/>" +
        "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"{LANG}\" w:eastAsia=\"en-US\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>" +
        "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>" +
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>" +
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>" +
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>" +
        "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>" +
        "<w:style w:type=\"numbering\" w:default=\"1\" w:styleId=\"NoList\"><w:name w:val=\"No List\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/>" +
        "<w:pPr><w:spacing w:after=\"60\"/><w:contextualSpacing/></w:pPr><w:rPr><w:color w:val=\"1F3864\"/><w:kern w:val=\"28\"/><w:sz w:val=\"48\"/><w:szCs w:val=\"48\"/></w:rPr></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"11\"/><w:qFormat/>" +
        "<w:pPr><w:spacing w:after=\"240\"/></w:pPr><w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>" +
        "<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>" +
        "<w:rPr><w:b/><w:bCs/><w:color w:val=\"2F5496\"/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/></w:rPr></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:name w:val=\"List Number\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>" +
        "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:contextualSpacing/></w:pPr></w:style>" +
        "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/>" +
        "<w:pPr><w:numPr><w:numId w:val=\"2\"/></w:numPr><w:contextualSpacing/></w:pPr></w:style>" +
        "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + HintStyleId + "\"><w:name w:val=\"OneOnOne Hint\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>" +
        "<w:rPr><w:i/><w:iCs/><w:color w:val=\"595959\"/><w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/></w:rPr></w:style>" +
        "<w:style w:type=\"character\" w:styleId=\"" + MetaStyleId + "\"><w:name w:val=\"Subtle Emphasis\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"19\"/><w:qFormat/>" +
        "<w:rPr><w:i/><w:iCs/><w:color w:val=\"404040\"/></w:rPr></w:style>" +
        "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"" + TableStyleId + "\"><w:name w:val=\"OneOnOne Table\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/>" +
        "<w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>" +
        "<w:tblPr><w:tblBorders>" +
        "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>" +
        "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>" +
        "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>" +
        "</w:tblBorders><w:tblCellMar><w:top w:w=\"57\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>" +
        "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/><w:color w:val=\"FFFFFF\"/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"2F5496\"/></w:tcPr></w:tblStylePr>" +
        "<w:tblStylePr w:type=\"band1Horz\"><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F2F2\"/></w:tcPr></w:tblStylePr>" +
        "</w:style></w:styles>";

    private const string NumberingXml = "<w:numbering " + W + ">" +
        "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>" +
        "<w:pStyle w:val=\"ListNumber\"/><w:lvlText w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>" +
        "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/>" +
        "<w:pStyle w:val=\"ListBullet\"/><w:lvlText w:val=\"\u2022\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>" +
        "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";

    // Compatibility mode 15 (Word 2013 and later), so Word does not open the document in compatibility mode.
    private const string SettingsXml = "<w:settings " + W + "><w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>" +
        "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>";
}
