using Microsoft.Playwright;

namespace OneOnOne.AddIn.Tests;

/// <summary>
/// The three Office themes a pane must work in: the colours Office hands the pane (officeTheme) and what the browser
/// reports (dark colour scheme; forced colours when the system's high contrast is on).
/// </summary>
public enum OfficeTheme
{
    Light,
    Dark,
    HighContrast,
}

public static class OfficeThemes
{
    /// <summary>Every language and theme a pane must be checked in.</summary>
    public static TheoryData<string, OfficeTheme> LanguagesAndThemes =>
        new(from language in new[] { "en", "nl" } from theme in Enum.GetValues<OfficeTheme>() select (language, theme));

    /// <summary>officeTheme as the fake hosts give it (bodyBackgroundColor, bodyForegroundColor, isDarkTheme).</summary>
    public static object Colors(this OfficeTheme theme) => theme switch
    {
        OfficeTheme.Light => new { bodyBackgroundColor = "#ffffff", bodyForegroundColor = "#242424", isDarkTheme = false },
        OfficeTheme.Dark => new { bodyBackgroundColor = "#292929", bodyForegroundColor = "#ffffff", isDarkTheme = true },
        _ => new { bodyBackgroundColor = "#000000", bodyForegroundColor = "#ffffff", isDarkTheme = true },
    };

    public static BrowserNewContextOptions Emulate(this OfficeTheme theme, BrowserNewContextOptions options)
    {
        options.ColorScheme = theme == OfficeTheme.Light ? ColorScheme.Light : ColorScheme.Dark;
        options.ForcedColors = theme == OfficeTheme.HighContrast ? ForcedColors.Active : ForcedColors.None;
        return options;
    }
}
