namespace OneOnOne.Api.Localization;

/// <summary>
/// The messages every feature shares (problem titles, validation, languages and time zones); a feature's own messages are
/// in its *Texts class. A test checks that each has both languages.
/// </summary>
public static class Texts
{
    public static readonly Text NotFoundTitle = new("Not found", "Niet gevonden");
    public static readonly Text NotFoundDetail = new(
        "There is nothing here, or it is not yours to see.",
        "Hier staat niets, of het is niet voor jou bedoeld.");
    public static readonly Text BadRequestTitle = new("The request is not valid", "Het verzoek is niet geldig");
    public static readonly Text BadRequestDetail = new(
        "The request could not be read. Check that it is valid JSON of the expected shape.",
        "Het verzoek kon niet worden gelezen. Controleer of het geldige JSON in de verwachte vorm is.");
    public static readonly Text UnauthorizedTitle = new("Sign-in required", "Aanmelden vereist");
    public static readonly Text UnauthorizedDetail = new(
        "Sign in again: the access token is missing, expired or not meant for this service.",
        "Meld je opnieuw aan: het toegangstoken ontbreekt, is verlopen of is niet voor deze dienst bedoeld.");
    public static readonly Text ForbiddenTitle = new("Not allowed", "Niet toegestaan");
    public static readonly Text ConflictTitle = new("Changed by someone else", "Door iemand anders gewijzigd");
    public static readonly Text ConflictDetail = new(
        "Someone changed this in the meantime. Reload to see their version, then apply your change again.",
        "Iemand heeft dit intussen gewijzigd. Laad opnieuw om die versie te zien en breng je wijziging dan opnieuw aan.");
    public static readonly Text TooManyRequestsTitle = new("Too many requests", "Te veel verzoeken");
    public static readonly Text ServerErrorTitle = new("Something went wrong", "Er ging iets mis");
    public static readonly Text ServerErrorDetail = new(
        "The service could not finish this request. Nothing was lost; try again in a moment.",
        "De dienst kon dit verzoek niet afronden. Er is niets verloren gegaan; probeer het zo opnieuw.");
    public static readonly Text ValidationTitle = new("Some fields need attention", "Sommige velden hebben aandacht nodig");
    public static readonly Text UnsupportedLanguage = new(
        "Choose one of the supported languages: en or nl.",
        "Kies een van de ondersteunde talen: en of nl.");

    public static readonly Text Required = new("This field is required.", "Dit veld is verplicht.");
    public static readonly Text TooLong = new("At most {0} characters.", "Maximaal {0} tekens.");
    public static readonly Text NoNullEntries = new("This list may not hold empty (null) entries.", "Deze lijst mag geen lege (null) waarden bevatten.");
    public static readonly Text DuplicateField = new("This field appears more than once.", "Dit veld komt meer dan eens voor.");
    public static readonly Text InvalidValue = new("This value is not valid here.", "Deze waarde is hier niet geldig.");
    public static readonly Text MustBeId = new("This must be an id (a GUID).", "Dit moet een id zijn (een GUID).");
    public static readonly Text MustBeDate = new("This must be a date (yyyy-mm-dd).", "Dit moet een datum zijn (jjjj-mm-dd).");
    public static readonly Text MustBeTrueOrFalse = new("This must be true or false.", "Dit moet true of false zijn.");
    public static readonly Text MustBeText = new("This must be text.", "Dit moet tekst zijn.");
    public static readonly Text MustBeNumber = new("This must be a number.", "Dit moet een getal zijn.");
    public static readonly Text MustBeOneOf = new("This must be one of: {0}.", "Dit moet een van deze zijn: {0}.");
    public static readonly Text InvalidUtf8 = new(
        "The request is not valid UTF-8 text.",
        "Het verzoek is geen geldige UTF-8-tekst.");
    public static readonly Text UnknownTimeZone = new("This time zone is not known.", "Deze tijdzone is onbekend.");
}
