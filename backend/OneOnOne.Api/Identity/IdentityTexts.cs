using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Identity;

/// <summary>What signing in tells the person, in both languages.</summary>
public static class IdentityTexts
{
    public static readonly Text NotADemoPerson = new(
        "Only the demo people can get a development token.",
        "Alleen de demopersonen kunnen een ontwikkeltoken krijgen.");
}
