using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using OneOnOne.Api.Data;
using OneOnOne.Api.Documents;

namespace OneOnOne.Api.Tests.Documents;

/// <summary>The generator on its own: every document it makes validates, whatever text people typed.</summary>
public sealed class DocumentGenerationTests
{
    private static readonly string[] Hostile =
    [
        "<b>&amp;</b> \"quotes\" 'single' ]]> <!-- -->",
        "\u0000\u0001\u0008\u000B\u000C\u001F\u007F\u0085",
        "\uD800 lone high", "lone low \uDC00", "\uDC00\uD800 reversed pair", "\uFFFE\uFFFF",
        "😀 👩‍👩‍👧‍👦 🇳🇱 emoji",
        "שלום עולם", "مرحبا بالعالم", "\u202Eright-to-left override\u202C", "فارسی و English mixed",
        "e\u0301 combining", "会議のメモ", "\u200B\u200D\u2028\u2029 invisible",
        "line one\r\nline two\rline three\nline four", "\ttabbed\t", "   spaced   ",
        "{0} {1} {{}} %s %n", "Ünïcödé Ĳ ß",
        new string('x', 5000), string.Concat(Enumerable.Repeat("😀", 3000)),
    ];

    public static NotesDocumentModel Model(Func<string> text, string language = "en", int agenda = 3, int earlier = 2, int added = 1) => new(
        Guid.NewGuid(),
        Guid.NewGuid(),
        "https://oneonone.example.test",
        language,
        text(),
        text(),
        new DateTime(2030, 3, 4, 10, 0, 0),
        new DateTime(2030, 3, 4, 10, 30, 0),
        text(),
        text(),
        Enumerable.Range(0, agenda).Select(i => new DocumentAgendaItem(text(), text(), i % 2 == 0 ? new DateTime(2030, 2, 25) : null, i % 3 == 0)).ToList(),
        Enumerable.Range(0, earlier).Select(i => new DocumentAction(Guid.NewGuid(), text(), text(), i % 2 == 0 ? new DateOnly(2030, 3, 1) : null, (ActionStatus)(i % 2))).ToList(),
        Enumerable.Range(0, added).Select(_ => new DocumentAction(Guid.NewGuid(), text(), text(), null, ActionStatus.Open)).ToList(),
        [text(), text()],
        text() + "\n" + text());

    private static Func<string> HostileText(Random random) => () =>
        string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(4) == 0
            ? new string((char)random.Next(0, 0x10000), random.Next(1, 4))
            : Hostile[random.Next(Hostile.Length)]));

    public static TheoryData<int> Seeds => new(Enumerable.Range(1, 40));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_document_of_hostile_text_validates_and_reads_back_what_was_written(int seed)
    {
        var random = new Random(seed);
        var model = Model(HostileText(random), seed % 2 == 0 ? "nl" : "en");

        var package = NotesDocumentWriter.Write(model);
        var content = NotesDocumentReader.Read(package);

        Assert.Empty(WordUser.ValidationErrors(package));
        Assert.Equal(model.MeetingId, content.MeetingId);
        Assert.Equal(UserText.Clean(model.SharedNotes), content.SharedNotes);
        Assert.Equal(UserText.Clean(model.SharedNotes), content.SharedNotesBaseline);
        var rows = content.Rows.Where(r => !r.IsBlank).ToList();
        Assert.Equal(model.EarlierActions.Concat(model.NewActions).Select(a => a.Id), rows.Select(r => r.ActionId!.Value));
        foreach (var (action, row) in model.EarlierActions.Concat(model.NewActions).Zip(rows))
        {
            var written = NotesDocumentWriter.CellsOf(action, model.Language);
            Assert.Equal(written, new[] { row.Text, row.Owner, row.DueDate, row.Status });
            Assert.Equal(content.Baseline[action.Id], new BaselineAction(written[0], written[1], written[2], action.Status.ToString()));
        }
    }

    [Fact]
    public void A_long_history_and_an_empty_meeting_both_validate()
    {
        var counter = 0;
        string Plain() => $"Item {++counter}";

        Assert.Empty(WordUser.ValidationErrors(NotesDocumentWriter.Write(Model(Plain, agenda: 50, earlier: 100, added: 20))));
        Assert.Empty(WordUser.ValidationErrors(NotesDocumentWriter.Write(Model(() => "", agenda: 0, earlier: 0, added: 0) with { Prompts = [] })));
    }

    [Fact]
    public void The_validator_used_here_does_catch_a_table_without_its_grid()
    {
        var broken = WordUser.Edit(NotesDocumentWriter.Write(Model(() => "Text")), body => body.Descendants<TableGrid>().First().Remove());

        Assert.NotEmpty(WordUser.ValidationErrors(broken));
    }

    [Fact]
    public void The_document_uses_real_styles_a_table_style_with_a_grid_properties_and_the_custom_xml_part()
    {
        var model = Model(() => "Text", "nl");

        using var document = WordprocessingDocument.Open(new MemoryStream(NotesDocumentWriter.Write(model)), false);
        var main = document.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ToList();
        var used = main.Document!.Body!.Descendants<ParagraphStyleId>().Select(s => s.Val!.Value).Distinct().ToList();
        var tables = main.Document.Body.Descendants<Table>().ToList();
        var customXml = Assert.Single(main.CustomXmlParts);
        using var reader = new StreamReader(customXml.GetStream());
        var xml = System.Xml.Linq.XElement.Parse(reader.ReadToEnd());

        Assert.Contains("Heading1", used);
        Assert.Contains("Title", used);
        Assert.All(used, id => Assert.Contains(id, styles));
        Assert.Equal(2, tables.Count);
        Assert.All(tables, t =>
        {
            Assert.Equal("OneOnOneTable", t.GetFirstChild<TableProperties>()!.TableStyle!.Val!.Value);
            Assert.Equal(4, t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count());
        });
        Assert.Equal("1-op-1 Text en Text", document.PackageProperties.Title);
        Assert.False(string.IsNullOrEmpty(document.PackageProperties.Subject));
        Assert.Equal(NotesDocument.Namespace, xml.Name.NamespaceName);
        Assert.Equal(model.MeetingId.ToString(), xml.Element(xml.Name.Namespace + "meetingId")!.Value);
        Assert.Equal(model.SeriesId.ToString(), xml.Element(xml.Name.Namespace + "seriesId")!.Value);
        Assert.Equal("https://oneonone.example.test", xml.Element(xml.Name.Namespace + "baseUrl")!.Value);
        Assert.Equal(NotesDocument.Namespace, customXml.CustomXmlPropertiesPart!.DataStoreItem!.SchemaReferences!
            .Elements<DocumentFormat.OpenXml.CustomXmlDataProperties.SchemaReference>().Single().Uri!.Value);
    }
}
