using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Actions;

/// <summary>What the action items' endpoints tell the person, in both languages.</summary>
public static class ActionTexts
{
    public static readonly Text OwnerNotParticipant = new(
        "The owner must be one of the two people of this 1-on-1.",
        "De eigenaar moet een van de twee mensen van deze 1-op-1 zijn.");
    public static readonly Text MeetingNotInSeries = new(
        "This meeting does not belong to this 1-on-1.",
        "Deze afspraak hoort niet bij deze 1-op-1.");
    public static readonly Text NoMeetingInSeries = new(
        "This 1-on-1 has no meeting yet to attach the action to.",
        "Deze 1-op-1 heeft nog geen afspraak om de actie aan te koppelen.");
}
