using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Meetings;

/// <summary>What resolving an Outlook event into a 1-on-1 tells the person, in both languages.</summary>
public static class MeetingTexts
{
    public static readonly Text NotAOneOnOneTitle = new("This is not a 1-on-1", "Dit is geen 1-op-1");
    public static readonly Text NotAOneOnOneCount = new(
        "This is not a 1-on-1: {0} people are invited. A 1-on-1 has exactly two people: you and one other person.",
        "Dit is geen 1-op-1: er zijn {0} mensen uitgenodigd. Een 1-op-1 heeft precies twee mensen: jij en één ander.");
    public static readonly Text NotAOneOnOneWithoutYou = new(
        "You are not one of the two people in this meeting, so it is not your 1-on-1.",
        "Je bent niet een van de twee mensen in deze afspraak, dus het is niet jouw 1-op-1.");
    public static readonly Text NotAOneOnOneOutsider = new(
        "This is not a 1-on-1 OneOnOne supports: {0} is not a person in your organisation's directory (an outside address, a group or a room).",
        "Dit is geen 1-op-1 die OneOnOne ondersteunt: {0} staat niet als persoon in de adreslijst van je organisatie (een extern adres, een groep of een ruimte).");
    public static readonly Text NotAOneOnOneGuest = new(
        "This is not a 1-on-1 OneOnOne supports: {0} is a guest in your organisation, and 1-on-1 notes stay with its own people.",
        "Dit is geen 1-op-1 die OneOnOne ondersteunt: {0} is gast in je organisatie, en 1-op-1-aantekeningen blijven bij de eigen mensen.");
    public static readonly Text EventNotInCalendar = new(
        "This event is not in your calendar (any more). If you just created it, save it first.",
        "Deze afspraak staat niet (meer) in je agenda. Heb je hem net gemaakt, sla hem dan eerst op.");
}
