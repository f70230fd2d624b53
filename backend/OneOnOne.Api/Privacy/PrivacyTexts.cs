using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Privacy;

public static class PrivacyTexts
{
    /// <summary>
    /// The name an erased person leaves behind in the 1-on-1s of the people they met. Stored once for readers of either
    /// language, so it carries both.
    /// </summary>
    public static readonly Text FormerParticipant = new("Former participant", "Voormalige deelnemer");

    public static string FormerParticipantName => $"{FormerParticipant.En} / {FormerParticipant.Nl}";
}
