using System.Globalization;

namespace OneOnOne.Api.Localization;

/// <summary>One thing a user reads, in both languages the product speaks.</summary>
public sealed record Text(string En, string Nl)
{
    public string In(string language) => language == Languages.Dutch ? Nl : En;

    public string In(string language, params object[] args) =>
        string.Format(CultureInfo.GetCultureInfo(language), In(language), args);
}
