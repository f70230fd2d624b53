using System.Text.Json;
using DocumentFormat.OpenXml.CustomXmlDataProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;

namespace OneOnOne.AddIn.Tests;

/// <summary>A table row as the fake Word host presents it: the tag of the row's own content control, and its cells.</summary>
public sealed record FakeRow(string? Tag, string[] Cells);

/// <summary>A tagged content control: a table's rows, or paragraphs.</summary>
public sealed record FakeControl(string Tag, List<FakeRow>? Rows, List<string>? Paragraphs);

public sealed record FakeXmlPart(string Namespace, string Xml);

/// <summary>What the fake Word host presents (see FakeOffice/word.js).</summary>
public sealed record FakeDocument(List<FakeXmlPart> CustomXmlParts, List<FakeControl> Controls)
{
    public static FakeDocument Empty() => new([], []);

    /// <summary>A .docx as Word would present it to the pane: its custom XML parts and its tagged content controls.</summary>
    public static FakeDocument FromDocx(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = document.MainDocumentPart!;
        var parts = main.CustomXmlParts.Select(part =>
        {
            using var reader = new StreamReader(part.GetStream());
            var uri = part.CustomXmlPropertiesPart?.DataStoreItem?.GetFirstChild<SchemaReferences>()?.GetFirstChild<SchemaReference>()?.Uri?.Value ?? "";
            return new FakeXmlPart(uri, reader.ReadToEnd());
        }).ToList();
        var controls = main.Document!.Body!.Elements<SdtBlock>().Select(block =>
        {
            var tag = block.SdtProperties!.GetFirstChild<Tag>()!.Val!.Value!;
            var table = block.Descendants<Table>().FirstOrDefault();
            return table is null
                ? new FakeControl(tag, null, block.Descendants<Paragraph>().Select(p => p.InnerText).ToList())
                : new FakeControl(tag, table.Descendants<TableRow>().Select(row => new FakeRow(
                    (row.Parent?.Parent as SdtRow)?.SdtProperties?.GetFirstChild<Tag>()?.Val?.Value,
                    row.Elements<TableCell>().Select(c => c.InnerText).ToArray())).ToList(), null);
        }).ToList();
        return new FakeDocument(parts, controls);
    }

    public FakeControl Control(string tag) => Controls.Single(c => c.Tag == tag);
}

public static class FakeWord
{
    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "FakeOffice", "word.js"));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The Word pane in a page whose office.js is the fake Word host presenting <paramref name="document"/>, or office.js
    /// as in a plain browser when it is null. <paramref name="demoPerson"/> is the demo person this browser chose before.
    /// </summary>
    public static async Task<IPage> OpenAsync(
        IBrowser browser, string url, FakeDocument? document, string displayLanguage = "en-US", string? demoPerson = null, bool bypassCsp = false,
        OfficeTheme theme = OfficeTheme.Light)
    {
        var context = await browser.NewContextAsync(theme.Emulate(new BrowserNewContextOptions
        {
            Locale = displayLanguage,
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = 400, Height = 900 },
        }));
        if (document is not null)
        {
            var host = JsonSerializer.Serialize(new { displayLanguage, wordApi = "1.4", document, theme = theme.Colors() }, Json);
            await context.AddInitScriptAsync($"window.__fakeWord = {host};");
        }

        if (demoPerson is not null)
        {
            await context.AddInitScriptAsync($"localStorage.setItem('oneonone.demoPerson', {JsonSerializer.Serialize(demoPerson)});");
        }

        await context.RouteAsync(FakeOutlook.OfficeJsUrl, route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/javascript", Body = Script }));
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        return page;
    }
}
