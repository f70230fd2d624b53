using System.Text.RegularExpressions;
using OneOnOne.Api.Hosting;
using OneOnOne.Api.Prompts;

namespace OneOnOne.Api.Guide;

/// <summary>
/// What a guide must hold before it is saved or imported, entry by entry: each problem names its entry
/// ("prompts[3].text.nl") so that an admin, or the author of an import file, finds it.
/// </summary>
public static partial class GuideValidation
{
    /// <summary>Checks <paramref name="guide"/> and answers it cleaned (texts trimmed), or null when it is not valid.</summary>
    public static ConversationGuide? Check(ConversationGuide guide, Validation validation, string prefix = "guide")
    {
        if (guide.Prompts.Count > GuideLimits.Prompts)
        {
            validation.Add($"{prefix}.prompts", GuideTexts.TooMany, GuideLimits.Prompts);
        }

        if (guide.Templates.Count > GuideLimits.Templates)
        {
            validation.Add($"{prefix}.templates", GuideTexts.TooMany, GuideLimits.Templates);
        }

        var prompts = guide.Prompts.Select((p, i) => Prompt(p, $"{prefix}.prompts[{i}]", validation)).ToList();
        Unique(guide.Prompts.Select(p => p.Key), $"{prefix}.prompts", validation);
        var templates = guide.Templates.Select((t, i) => Template(t, $"{prefix}.templates[{i}]", validation)).ToList();
        Unique(guide.Templates.Select(t => t.Key), $"{prefix}.templates", validation);
        Between(guide.Defaults.ReminderLeadHours, GuideLimits.MinReminderLeadHours, GuideLimits.MaxReminderLeadHours, $"{prefix}.defaults.reminderLeadHours", validation);
        Between(guide.Defaults.RecapDelayMinutes, GuideLimits.MinRecapDelayMinutes, GuideLimits.MaxRecapDelayMinutes, $"{prefix}.defaults.recapDelayMinutes", validation);
        return validation.IsValid ? guide with { Prompts = prompts, Templates = templates } : null;
    }

    private static GuidePrompt Prompt(GuidePrompt prompt, string at, Validation validation)
    {
        Key(prompt.Key, $"{at}.key", validation);
        Defined(prompt.Theme, $"{at}.theme", validation);
        Defined(prompt.For, $"{at}.for", validation);
        Defined(prompt.When, $"{at}.when", validation);
        if (prompt.When == PromptMoment.EveryNthMeeting)
        {
            Between(prompt.Every ?? 0, GuideLimits.MinEvery, GuideLimits.MaxEvery, $"{at}.every", validation);
        }
        else if (prompt.Every is not null)
        {
            validation.Add($"{at}.every", GuideTexts.EveryOnlyForEveryNth);
        }

        return prompt with { Text = Text(prompt.Text, GuideLimits.PromptText, $"{at}.text", validation) };
    }

    private static AgendaTemplate Template(AgendaTemplate template, string at, Validation validation)
    {
        Key(template.Key, $"{at}.key", validation);
        if (template.StandingItems.Count > GuideLimits.StandingItems)
        {
            validation.Add($"{at}.standingItems", GuideTexts.TooMany, GuideLimits.StandingItems);
        }

        return template with
        {
            Name = Text(template.Name, GuideLimits.TemplateName, $"{at}.name", validation),
            StandingItems = template.StandingItems.Select((item, i) => Text(item, GuideLimits.StandingItemText, $"{at}.standingItems[{i}]", validation)).ToList(),
        };
    }

    /// <summary>Both languages, each present and not too long: a text with one language cannot be saved.</summary>
    private static GuideText Text(GuideText text, int maxLength, string at, Validation validation) =>
        new(validation.Text($"{at}.nl", text.Nl, maxLength), validation.Text($"{at}.en", text.En, maxLength));

    private static void Key(string key, string at, Validation validation)
    {
        if (!KeyPattern().IsMatch(key))
        {
            validation.Add(at, GuideTexts.BadKey, GuideLimits.Key);
        }
    }

    private static void Unique(IEnumerable<string> keys, string at, Validation validation)
    {
        foreach (var duplicate in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            validation.Add(at, GuideTexts.DuplicateKey, duplicate.Key);
        }
    }

    private static void Defined<T>(T value, string at, Validation validation)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            validation.Add(at, GuideTexts.UnknownValue, string.Join(", ", Enum.GetNames<T>()));
        }
    }

    private static void Between(int value, int min, int max, string at, Validation validation)
    {
        if (value < min || value > max)
        {
            validation.Add(at, GuideTexts.OutOfBounds, min, max);
        }
    }

    [GeneratedRegex(@"\A[a-z0-9][a-z0-9.-]{0,63}\z")]
    private static partial Regex KeyPattern();
}
