using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OneOnOne.Api.FollowUps;

/// <summary>
/// Builds the HTML and the plain-text body of a mail side by side, so both always say the same. Every text is
/// encoded here: user text can never become markup.
/// </summary>
internal sealed class MailBody
{
    // Encodes markup characters but leaves letters of every script readable in the source.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder html = new("<!DOCTYPE html><html><body style=\"font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#242424\">");
    private readonly StringBuilder text = new();

    public MailBody Heading(string value)
    {
        html.Append("<h2 style=\"font-size:16px;margin:16px 0 4px\">").Append(Encode(value)).Append("</h2>");
        text.AppendLine().AppendLine(value.ToUpperInvariant());
        return this;
    }

    public MailBody Paragraph(string value)
    {
        html.Append("<p>").Append(Encode(value).ReplaceLineEndings("<br>")).Append("</p>");
        text.AppendLine(value).AppendLine();
        return this;
    }

    public MailBody List(IEnumerable<string> items, string whenEmpty)
    {
        var all = items.ToList();
        if (all.Count == 0)
        {
            return Paragraph(whenEmpty);
        }

        html.Append("<ul>");
        foreach (var item in all)
        {
            html.Append("<li>").Append(Encode(item)).Append("</li>");
            text.Append("- ").AppendLine(item);
        }

        html.Append("</ul>");
        text.AppendLine();
        return this;
    }

    public MailBody Link(string label, string url)
    {
        html.Append("<p><a href=\"").Append(Encoder.Encode(url)).Append("\">").Append(Encode(label)).Append("</a></p>");
        text.Append(label).Append(": ").AppendLine(url).AppendLine();
        return this;
    }

    public MailBody Footer(string value, string linkLabel, string url)
    {
        html.Append("<hr><p style=\"font-size:12px;color:#616161\">").Append(Encode(value))
            .Append(" <a href=\"").Append(Encoder.Encode(url)).Append("\">").Append(Encode(linkLabel)).Append("</a></p>");
        text.AppendLine("--").AppendLine(value).Append(linkLabel).Append(": ").AppendLine(url);
        return this;
    }

    public (string Html, string Text) Build() => (html.ToString() + "</body></html>", text.ToString());

    private static string Encode(string value) => Encoder.Encode(value);
}
