using OneOnOne.Api.Data;

namespace OneOnOne.Api.Localization;

public static class Languages
{
    public const string Dutch = "nl";
    public const string English = "en";
    public static readonly IReadOnlyList<string> Supported = [English, Dutch];

    /// <summary>The person's own choice, else the best of the client's Accept-Language, else English.</summary>
    public static string For(Person person, HttpRequest request) =>
        Normalize(person.Language) ?? FromAcceptLanguage(request) ?? English;

    public static string? Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var primary = language.Split('-', '_')[0].Trim().ToLowerInvariant();
        return Supported.Contains(primary) ? primary : null;
    }

    public static string? FromAcceptLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Normalize(l.Value.Value))
            .FirstOrDefault(l => l is not null);
}
