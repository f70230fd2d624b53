using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Hosting;

public static class RequestLimitTexts
{
    public static readonly Text TooManyRequests = new(
        "You made too many changes in a short time. Wait {0} seconds, then try again.",
        "Je hebt in korte tijd te veel wijzigingen gedaan. Wacht {0} seconden en probeer het dan opnieuw.");
    public static readonly Text TooManyDocuments = new(
        "You opened too many documents in a short time. Wait {0} seconds, then try again.",
        "Je hebt in korte tijd te veel documenten geopend. Wacht {0} seconden en probeer het dan opnieuw.");
    public static readonly Text TooLargeTitle = new("The request is too large", "Het verzoek is te groot");
    public static readonly Text TooLarge = new(
        "A request may be at most {0} KB.",
        "Een verzoek mag hoogstens {0} kB zijn.");
}
