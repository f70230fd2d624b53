using System.Text;

namespace OneOnOne.Api.Data;

/// <summary>
/// What text from a user may be stored: no control characters (other than line breaks and tabs) and no lone
/// surrogates, which XML documents and e-mails cannot carry; line breaks normalized; trimmed.
/// </summary>
public static class UserText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF')
            {
                continue;
            }
            else if (c == '\r')
            {
                clean.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t' || !char.IsControl(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString().Trim();
    }

    /// <summary>A single line: any line break becomes a space.</summary>
    public static string CleanLine(string? text) => Clean(text).Replace('\n', ' ').Replace('\t', ' ');
}
