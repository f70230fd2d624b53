using DocumentFormat.OpenXml.Office2013.WebExtension;
using DocumentFormat.OpenXml.Office2013.WebExtentionPane;
using DocumentFormat.OpenXml.Packaging;

namespace OneOnOne.Api.Documents;

/// <summary>
/// Where Word finds the OneOnOne Word add-in (addin/word-manifest.xml) for a document that asks for it: its id and
/// version, and the store it was installed from.
/// </summary>
public sealed record WordAddInReference(string Id, string Version, string Store, string StoreType)
{
    /// <summary>The &lt;Id&gt; of addin/word-manifest.xml.</summary>
    public const string WordAddInId = "6f0b2f4e-8d3a-4b6c-9a51-2e7c41d9b0a7";

    /// <summary>The &lt;Version&gt; of addin/word-manifest.xml.</summary>
    public const string WordAddInVersion = "1.0.0.0";

    /// <summary>Deployed by an administrator to the organization (Microsoft 365 centralized deployment / integrated apps).</summary>
    public static WordAddInReference CentrallyDeployed { get; } = new(WordAddInId, WordAddInVersion, "EXCatalog", "EXCatalog");

    /// <summary>Sideloaded by a developer or a tester (Word's "upload my add-in", or a manifest in the developer registry key).</summary>
    public static WordAddInReference Sideloaded { get; } = new(WordAddInId, WordAddInVersion, "developer", "Registry");

    /// <summary>
    /// A document can name one install source. Documents:WordAddInDeployment chooses it; by default a development
    /// server's documents name the sideloaded add-in and every other server's the centrally deployed one.
    /// </summary>
    public static WordAddInReference For(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Documents:WordAddInDeployment"] switch
        {
            { } value when value.Equals(nameof(Sideloaded), StringComparison.OrdinalIgnoreCase) => Sideloaded,
            { } value when value.Equals(nameof(CentrallyDeployed), StringComparison.OrdinalIgnoreCase) => CentrallyDeployed,
            _ => environment.IsDevelopment() ? Sideloaded : CentrallyDeployed,
        };
}

/// <summary>
/// Makes Word open the OneOnOne pane with the document: a task pane part naming the add-in with the property
/// <c>Office.AutoShowTaskpaneWithDocument</c>, which the manifest's ShowTaskpane action with that TaskpaneId answers.
/// Word honours it only when the add-in is installed from the store the reference names (and Word on the web, Windows
/// and Mac do so; others ignore the parts), so a document for someone without the add-in opens as usual.
/// </summary>
public static class WordPaneAutoOpen
{
    public const string AutoShowProperty = "Office.AutoShowTaskpaneWithDocument";

    /// <summary>The pane's width in points, as Word's own add-in panes open.</summary>
    private const double PaneWidth = 350;

    public static void AddTo(WordprocessingDocument document, WordAddInReference addIn)
    {
        var taskpanes = document.WebExTaskpanesPart ?? document.AddWebExTaskpanesPart();
        var extensionPart = taskpanes.AddNewPart<WebExtensionPart>();
        extensionPart.WebExtension = new WebExtension(
            new WebExtensionStoreReference { Id = addIn.Id, Version = addIn.Version, Store = addIn.Store, StoreType = addIn.StoreType },
            new WebExtensionReferenceList(),
            new WebExtensionPropertyBag(new WebExtensionProperty { Name = AutoShowProperty, Value = "true" }),
            new WebExtensionBindingList(),
            new Snapshot())
        {
            // The instance's own id in this document (not the add-in's).
            Id = Guid.NewGuid().ToString("B").ToUpperInvariant(),
        };

        var pane = new WebExtensionTaskpane(new WebExtensionPartReference { Id = taskpanes.GetIdOfPart(extensionPart) })
        {
            DockState = "right",
            Visibility = true,
            Width = PaneWidth,
            Row = (uint)((taskpanes.Taskpanes?.ChildElements.Count ?? 0) + 1),
            Locked = false,
        };
        taskpanes.Taskpanes ??= new Taskpanes();
        taskpanes.Taskpanes.Append(pane);
    }
}
