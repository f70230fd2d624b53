using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Pane;

/// <summary>What the pane's endpoints tell the person, in both languages.</summary>
public static class PaneTexts
{
    public static readonly Text NoUpcomingMeeting = new(
        "You have no 1-on-1 coming up.",
        "Je hebt geen 1-op-1 op de planning.");
}
