using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Guide;

/// <summary>What the conversation guide's admin API tells an admin, in both languages.</summary>
public static class GuideTexts
{
    public static readonly Text TooMany = new("At most {0} entries.", "Maximaal {0} items.");
    public static readonly Text BadKey = new(
        "A key is 1 to {0} characters: lower-case letters, digits, dots and dashes, starting with a letter or digit.",
        "Een sleutel heeft 1 tot {0} tekens: kleine letters, cijfers, punten en streepjes, en begint met een letter of cijfer.");
    public static readonly Text DuplicateKey = new("The key '{0}' is used more than once.", "De sleutel '{0}' komt meer dan eens voor.");
    public static readonly Text UnknownValue = new("Choose one of: {0}.", "Kies een van: {0}.");
    public static readonly Text OutOfBounds = new("Choose a number from {0} to {1}.", "Kies een getal van {0} tot en met {1}.");
    public static readonly Text EveryOnlyForEveryNth = new(
        "Only a prompt for every n-th meeting has 'every'.",
        "Alleen een vraag voor elk n-de gesprek heeft 'every'.");
    public static readonly Text UnknownFormat = new(
        "This is not a OneOnOne guide file (format {0}).",
        "Dit is geen gespreksgidsbestand van OneOnOne (formaat {0}).");
    public static readonly Text UnknownTemplate = new("The organisation's guide has no template with this key.", "De gespreksgids van de organisatie heeft geen sjabloon met deze sleutel.");
}
