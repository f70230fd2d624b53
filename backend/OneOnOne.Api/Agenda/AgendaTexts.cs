using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Agenda;

/// <summary>What the agenda's endpoints tell the person, in both languages.</summary>
public static class AgendaTexts
{
    public static readonly Text OnlyAuthorMayChange = new(
        "Only the person who added this item can change or delete it.",
        "Alleen wie dit punt heeft toegevoegd, kan het wijzigen of verwijderen.");
    public static readonly Text OrderMustListAgenda = new(
        "List every item of this agenda exactly once.",
        "Noem elk punt van deze agenda precies één keer.");
    public static readonly Text UnknownPrompt = new("There is no prompt with this key.", "Er is geen vraag met deze sleutel.");
}
