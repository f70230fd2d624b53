using OneOnOne.Api.Localization;

namespace OneOnOne.Api.FollowUps;

/// <summary>Everything a follow-up mail or the pages its links open say, in both languages.</summary>
public static class FollowUpTexts
{
    public static readonly Text RecapSubject = new("Recap of your 1-on-1 with {0} on {1}", "Terugblik op je 1-op-1 met {0} op {1}");
    public static readonly Text RecapIntro = new(
        "Here is what you and {0} talked about and agreed.",
        "Dit hebben jij en {0} besproken en afgesproken.");
    public static readonly Text Goal = new("Goal of the conversation", "Doel van het gesprek");
    public static readonly Text Discussed = new("What you discussed", "Wat jullie bespraken");
    public static readonly Text OnTheAgenda = new("On the agenda", "Op de agenda");
    public static readonly Text NothingMarkedDiscussed = new(
        "Nothing was marked as discussed in the meeting; this is what was on the agenda.",
        "In het gesprek is niets als besproken aangevinkt; dit stond op de agenda.");
    public static readonly Text EmptyAgendaInMeeting = new("Nothing was on the agenda.", "Er stond niets op de agenda.");
    public static readonly Text SharedNotes = new("Notes", "Notities");
    public static readonly Text AgreedActions = new("Agreed in this meeting", "Afgesproken in dit gesprek");
    public static readonly Text StillOpen = new("Still open", "Nog open");
    public static readonly Text NextMeeting = new("Next 1-on-1: {0}", "Volgende 1-op-1: {0}");
    public static readonly Text OpenNotes = new("Open the notes document (the link works until {0})", "Open het notitiedocument (de link werkt tot {0})");
    public static readonly Text Nothing = new("(nothing)", "(niets)");
    public static readonly Text ActionLineDue = new("{0} ({1}, due {2})", "{0} ({1}, uiterlijk {2})");
    public static readonly Text You = new("you", "jij");

    public static readonly Text ReminderSubject = new("Prepare your 1-on-1 with {0} on {1}", "Bereid je 1-op-1 met {0} voor ({1})");
    public static readonly Text ReminderIntro = new("Your next 1-on-1 with {0} is on {1}.", "Je volgende 1-op-1 met {0} is op {1}.");
    public static readonly Text AgendaSoFar = new("On the agenda so far", "Tot nu toe op de agenda");
    public static readonly Text EmptyAgenda = new("Nothing on the agenda yet.", "Er staat nog niets op de agenda.");
    public static readonly Text NudgeReport = new(
        "This conversation is yours: put the topics that matter to you on the agenda, however small they seem.",
        "Dit gesprek is van jou: zet de onderwerpen die voor jou belangrijk zijn op de agenda, hoe klein ze ook lijken.");
    public static readonly Text NudgeManager = new(
        "Add your own points, and look at what {0} has put on the agenda so you can prepare.",
        "Zet je eigen punten erbij en kijk wat {0} al op de agenda heeft gezet, zodat je je kunt voorbereiden.");
    public static readonly Text OpenActions = new("Open actions", "Openstaande acties");
    public static readonly Text ThinkAbout = new("Something to think about", "Om over na te denken");

    public static readonly Text DigestSubjectOne = new("1 overdue action from your 1-on-1s", "1 verlopen actie uit je 1-op-1's");
    public static readonly Text DigestSubject = new("{0} overdue actions from your 1-on-1s", "{0} verlopen acties uit je 1-op-1's");
    public static readonly Text DigestIntro = new(
        "These actions are past their due date. Finish them, or agree a new date in your next 1-on-1.",
        "Deze acties zijn over hun datum heen. Rond ze af, of spreek in je volgende 1-op-1 een nieuwe datum af.");
    public static readonly Text DigestLine = new("{0} (due {1}, 1-on-1 with {2})", "{0} (uiterlijk {1}, 1-op-1 met {2})");

    public static readonly Text Footer = new(
        "You get this mail because you have 1-on-1s in OneOnOne.",
        "Je krijgt deze mail omdat je 1-op-1's hebt in OneOnOne.");
    public static readonly Text StopRecaps = new("Stop recap mails", "Geen terugblikken meer ontvangen");
    public static readonly Text StopReminders = new("Stop preparation reminders", "Geen voorbereidingsherinneringen meer ontvangen");
    public static readonly Text StopDigests = new("Stop overdue-action digests", "Geen overzichten van verlopen acties meer ontvangen");

    public static readonly Text UnsubscribeButton = new("Yes, stop them", "Ja, stop ermee");
    public static readonly Text UnsubscribeDone = new(
        "Done. You will not get these mails any more; you can turn them on again in the OneOnOne pane.",
        "Klaar. Je krijgt deze mails niet meer; je kunt ze weer aanzetten in het OneOnOne-venster.");
    public static readonly Text UnsubscribeInvalid = new(
        "This link is not valid (any more). Change your mail settings in the OneOnOne pane.",
        "Deze link is niet (meer) geldig. Wijzig je mailinstellingen in het OneOnOne-venster.");
    public static readonly Text NotesLinkInvalid = new(
        "This link to the notes has expired or is not valid. Open the 1-on-1 in Outlook: the OneOnOne pane has its notes.",
        "Deze link naar de notities is verlopen of niet geldig. Open de 1-op-1 in Outlook: het OneOnOne-venster heeft de notities.");

    public static readonly Text OnlyFailedRetried = new(
        "Only a follow-up that failed can be sent again; this one is pending, sent or cancelled.",
        "Alleen een mislukte follow-up kan opnieuw worden verstuurd; deze wacht nog, is verstuurd of is geannuleerd.");

    public static readonly Text NotesLinkForSomeoneElse = new(
        "This link was sent to someone else. Sign in as the person the mail was sent to, or open the notes from your own recap.",
        "Deze link is naar iemand anders gestuurd. Meld je aan als de persoon aan wie de mail is gestuurd, of open de notities vanuit je eigen terugblik.");
}
