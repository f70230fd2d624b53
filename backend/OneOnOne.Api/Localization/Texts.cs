namespace OneOnOne.Api.Localization;

/// <summary>Every message the API puts in front of a user. A test checks that each has both languages.</summary>
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
    public static readonly Text NotADemoPerson = new(
        "Only the demo people can get a development token.",
        "Alleen de demopersonen kunnen een ontwikkeltoken krijgen.");
    public static readonly Text UnsupportedLanguage = new(
        "Choose one of the supported languages: en or nl.",
        "Kies een van de ondersteunde talen: en of nl.");
}
