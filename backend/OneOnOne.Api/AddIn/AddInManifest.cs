using System.Reflection;

namespace OneOnOne.Api.AddIn;

/// <summary>
/// An add-in manifest embedded at build time (see AddIn.targets), rewritten for a base URL: Outlook's manifest.xml from
/// the repository root, or Word's addin/word-manifest.xml.
/// </summary>
public sealed class AddInManifest
{
    public const string Outlook = "manifest.xml";
    public const string Word = "word-manifest.xml";

    private readonly string template;

    public AddInManifest(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"OneOnOne.Api.AddIn.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded in the API assembly (see AddIn/AddIn.targets).");
        using var reader = new StreamReader(stream);
        template = reader.ReadToEnd();
    }

    public string For(string baseUrl) =>
        template.Replace(AddInSetup.ManifestBaseUrl, System.Security.SecurityElement.Escape(baseUrl), StringComparison.Ordinal);
}
