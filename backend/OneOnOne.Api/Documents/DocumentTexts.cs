using OneOnOne.Api.Data;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Documents;

/// <summary>Every word of the Word document and of its upload answers, in both languages.</summary>
public static class DocumentTexts
{
    // The document.
    public static readonly Text Title = new("1-on-1 {0} and {1}", "1-op-1 {0} en {1}");
    public static readonly Text FileName = new("1-on-1 with {0} {1}", "1-op-1 met {0} {1}");
    public static readonly Text When = new("{0:dddd d MMMM yyyy}, {0:HH:mm}–{1:HH:mm} ({2})", "{0:dddd d MMMM yyyy} van {0:HH:mm} tot {1:HH:mm} ({2})");
    public static readonly Text Subject = new("Meeting notes of the 1-on-1 of {0:d MMMM yyyy}", "Gespreksverslag van de 1-op-1 van {0:d MMMM yyyy}");
    public static readonly Text GoalHeading = new("Goal", "Doel");
    public static readonly Text NoGoal = new("No goal was set for this conversation yet.", "Voor dit gesprek is nog geen doel gesteld.");
    public static readonly Text AgendaHeading = new("Agenda", "Agendapunten");
    public static readonly Text NoAgenda = new("Nobody has added a talking point yet.", "Er is nog geen gespreksonderwerp toegevoegd.");
    public static readonly Text AddedBy = new("added by {0}", "toegevoegd door {0}");
    public static readonly Text CarriedOverFrom = new("carried over from {0:d MMMM}", "meegenomen van {0:d MMMM}");
    public static readonly Text Discussed = new("discussed", "besproken");
    public static readonly Text EarlierActionsHeading = new("Action items from earlier meetings", "Actiepunten uit eerdere gesprekken");
    public static readonly Text NoEarlierActions = new("No action items are open from earlier meetings.", "Er staan geen actiepunten open uit eerdere gesprekken.");
    public static readonly Text EarlierActionsHint = new(
        "Change the status to Done for what was finished.",
        "Zet de voortgang op Afgerond voor wat klaar is.");
    public static readonly Text PromptsHeading = new("Prompts for this conversation", "Vragen voor dit gesprek");
    public static readonly Text SharedNotesHeading = new("Shared notes", "Gedeelde notities");
    public static readonly Text SharedNotesHint = new(
        "You both see these notes. Private notes stay in the add-in and are never in this document.",
        "Jullie zien deze notities allebei. Privénotities blijven in de invoegtoepassing en staan nooit in dit document.");
    public static readonly Text NewActionsHeading = new("New action items", "Nieuwe actiepunten");
    public static readonly Text NewActionsHint = new(
        "One row per agreement: press Tab in the last cell for a new row. Owner is the name or e-mail of one of you two; due date as yyyy-mm-dd.",
        "Eén rij per afspraak: druk op Tab in de laatste cel voor een nieuwe rij. Eigenaar is de naam of het e-mailadres van een van jullie tweeën; deadline als jjjj-mm-dd.");
    public static readonly Text ActionColumn = new("Action", "Actie");
    public static readonly Text OwnerColumn = new("Owner", "Eigenaar");
    public static readonly Text DueColumn = new("Due date", "Deadline");
    public static readonly Text StatusColumn = new("Status", "Voortgang");
    public static readonly Text StatusOpen = new("Open", "Openstaand");
    public static readonly Text StatusDone = new("Done", "Afgerond");
    public static readonly Text EarlierActionsTable = new("Action items from earlier meetings", "Actiepunten uit eerdere gesprekken");
    public static readonly Text NewActionsTable = new("New action items of this meeting", "Nieuwe actiepunten van dit gesprek");

    // Answers to an upload.
    public static readonly Text NoFile = new(
        "Send the document as multipart/form-data in a field named \"file\".",
        "Stuur het document als multipart/form-data in een veld met de naam \"file\".");
    public static readonly Text TooLargeTitle = new("The document is too large", "Het document is te groot");
    public static readonly Text TooLarge = new(
        "The document is larger than {0} MB. A meeting-notes document is far smaller: upload the one OneOnOne made.",
        "Het document is groter dan {0} MB. Een gespreksverslag is veel kleiner: upload het document dat OneOnOne heeft gemaakt.");
    public static readonly Text NotAZip = new(
        "This file is not a Word document (.docx): it cannot be opened as one.",
        "Dit bestand is geen Word-document (.docx): het kan niet als zodanig worden geopend.");
    public static readonly Text NotAWordDocument = new(
        "This file is not a Word document (.docx), or it is damaged.",
        "Dit bestand is geen Word-document (.docx), of het is beschadigd.");
    public static readonly Text Unpacked = new(
        "This document unpacks to too much data (more than {0} MB or {1} parts); it is refused to protect the service.",
        "Dit document pakt uit tot te veel gegevens (meer dan {0} MB of {1} onderdelen); het wordt geweigerd om de dienst te beschermen.");
    public static readonly Text NotOurDocument = new(
        "This Word document was not made by OneOnOne: download the meeting notes of this meeting and work in that one.",
        "Dit Word-document is niet door OneOnOne gemaakt: download het gespreksverslag van deze afspraak en werk daarin.");
    public static readonly Text OtherMeeting = new(
        "This document belongs to another meeting. Upload it to the meeting it was made for.",
        "Dit document hoort bij een andere afspraak. Upload het bij de afspraak waarvoor het is gemaakt.");
    public static readonly Text NoActionTable = new(
        "The table of new action items is missing from this document (its content control was deleted), so nothing could be read back.",
        "De tabel met nieuwe actiepunten ontbreekt in dit document (het inhoudsbesturingselement is verwijderd), dus er kon niets worden teruggelezen.");
    public static readonly Text UnknownDate = new(
        "This is not a date: write it as yyyy-mm-dd.",
        "Dit is geen datum: schrijf hem als jjjj-mm-dd.");
    public static readonly Text UnknownStatus = new(
        "Write the status as Open or Done.",
        "Schrijf de voortgang als Openstaand of Afgerond.");
    public static readonly Text UnknownAction = new(
        "There is no such action item in this 1-on-1.",
        "Dit actiepunt bestaat niet in deze 1-op-1.");
    public static readonly Text ListedTwice = new(
        "This action item is listed more than once.",
        "Dit actiepunt staat er meer dan eens in.");
    public static readonly Text TooManyRows = new("At most {0} action items at once.", "Maximaal {0} actiepunten tegelijk.");
    public static readonly Text OwnerUnknown = new(
        "\"{0}\" is not one of the two people of this 1-on-1: write the name or e-mail of one of you.",
        "\"{0}\" is niet een van de twee mensen van deze 1-op-1: schrijf de naam of het e-mailadres van een van jullie.");
    public static readonly Text NothingChanged = new("Nothing changed: everything in it was already here.", "Niets gewijzigd: alles erin stond er al.");
    public static readonly Text Changed = new(
        "{0} new action item(s), {1} changed, shared notes {2}.",
        "{0} nieuwe actiepunt(en), {1} gewijzigd, gedeelde notities {2}.");
    public static readonly Text NotesUpdated = new("updated", "bijgewerkt");
    public static readonly Text NotesUnchanged = new("unchanged", "ongewijzigd");

    // OneDrive.
    public static readonly Text OneDriveUnavailableTitle = new("OneDrive is not available", "OneDrive is niet beschikbaar");
    public static readonly Text OneDriveUnavailable = new(
        "Storing in OneDrive needs sign-in with Microsoft Entra ID; this server runs without it. Download the document instead.",
        "Opslaan in OneDrive vereist aanmelden met Microsoft Entra ID; deze server draait zonder. Download het document in plaats daarvan.");
    public static readonly Text OneDriveNotFound = new(
        "There is no document of this meeting in your OneDrive yet: store it there first.",
        "Er staat nog geen document van deze afspraak in je OneDrive: sla het daar eerst op.");

    public static Text Status(ActionStatus status) => status == ActionStatus.Done ? StatusDone : StatusOpen;
}
