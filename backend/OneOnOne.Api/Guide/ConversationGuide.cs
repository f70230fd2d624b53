using OneOnOne.Api.Data;
using OneOnOne.Api.Prompts;

namespace OneOnOne.Api.Guide;

/// <summary>A text in both of the product's languages: neither may be missing.</summary>
public sealed record GuideText(string Nl, string En)
{
    public string In(string language) => language == "nl" ? Nl : En;
}

/// <summary>A feedback prompt of the organisation's guide. <see cref="Every"/> is set for <see cref="PromptMoment.EveryNthMeeting"/> only.</summary>
public sealed record GuidePrompt(string Key, PromptTheme Theme, PromptAudience For, PromptMoment When, GuideText Text, int? Every = null);

/// <summary>An agenda template: standing items that appear on every new meeting of a series that uses it.</summary>
public sealed record AgendaTemplate(string Key, GuideText Name, IReadOnlyList<GuideText> StandingItems);

/// <summary>The timing of the follow-up mails the organisation chose, within <see cref="GuideLimits"/>.</summary>
public sealed record GuideDefaults(int ReminderLeadHours, int RecapDelayMinutes);

/// <summary>
/// An organisation's own conversation guide: its prompts, its agenda templates and the follow-up timing. Stored as one
/// versioned document per tenant (<see cref="GuideVersion"/>); the built-in guide is the fallback and the starting point.
/// </summary>
public sealed record ConversationGuide(IReadOnlyList<GuidePrompt> Prompts, IReadOnlyList<AgendaTemplate> Templates, GuideDefaults Defaults)
{
    /// <summary>Today's built-in library as a guide, with the configured follow-up timing and no templates.</summary>
    public static ConversationGuide BuiltIn(TimeSpan reminderLead, TimeSpan recapDelay) => new(
        PromptLibrary.All.Select(p => new GuidePrompt(
            p.Key, p.Theme, p.Audience is ParticipantRole.Manager ? PromptAudience.Manager : PromptAudience.Report, PromptMoment.Regular, new GuideText(p.Nl, p.En))).ToList(),
        [],
        new GuideDefaults(
            Math.Clamp((int)reminderLead.TotalHours, GuideLimits.MinReminderLeadHours, GuideLimits.MaxReminderLeadHours),
            Math.Clamp((int)recapDelay.TotalMinutes, GuideLimits.MinRecapDelayMinutes, GuideLimits.MaxRecapDelayMinutes)));

    /// <summary>The prompts as the prompt selection takes them.</summary>
    public IReadOnlyList<FeedbackPrompt> FeedbackPrompts() =>
        Prompts.Select(p => new FeedbackPrompt(
            p.Key, p.Theme, p.For switch { PromptAudience.Manager => ParticipantRole.Manager, PromptAudience.Report => ParticipantRole.Report, _ => null },
            p.Text.Nl, p.Text.En, p.When, p.Every)).ToList();
}

public static class GuideLimits
{
    public const int Prompts = 300;
    public const int Templates = 30;
    public const int StandingItems = 20;
    public const int Key = Limits.GuideKey;
    public const int PromptText = 300;
    public const int TemplateName = 100;
    public const int StandingItemText = Limits.AgendaText;
    public const int MinEvery = 2;
    public const int MaxEvery = 52;
    public const int MinReminderLeadHours = 1;
    public const int MaxReminderLeadHours = 72;
    public const int MinRecapDelayMinutes = 0;
    public const int MaxRecapDelayMinutes = 24 * 60;
}

/// <summary>What one version changed against the one before it, counted (the admin page words it in either language).</summary>
public sealed record GuideChange(
    int PromptsAdded, int PromptsChanged, int PromptsRemoved, int TemplatesAdded, int TemplatesChanged, int TemplatesRemoved,
    bool DefaultsChanged, int? RestoredFrom = null, bool Imported = false)
{
    public static GuideChange Between(ConversationGuide before, ConversationGuide after, int? restoredFrom = null, bool imported = false)
    {
        var (promptsAdded, promptsChanged, promptsRemoved) = Count(before.Prompts, after.Prompts, p => p.Key);
        var (templatesAdded, templatesChanged, templatesRemoved) = Count(before.Templates, after.Templates, t => t.Key, SameTemplate);
        return new(promptsAdded, promptsChanged, promptsRemoved, templatesAdded, templatesChanged, templatesRemoved, before.Defaults != after.Defaults, restoredFrom, imported);
    }

    private static bool SameTemplate(AgendaTemplate a, AgendaTemplate b) => a.Name == b.Name && a.StandingItems.SequenceEqual(b.StandingItems);

    private static (int Added, int Changed, int Removed) Count<T>(IReadOnlyList<T> before, IReadOnlyList<T> after, Func<T, string> key, Func<T, T, bool>? same = null)
    {
        var old = before.ToDictionary(key);
        var added = after.Count(a => !old.ContainsKey(key(a)));
        var changed = after.Count(a => old.TryGetValue(key(a), out var b) && !(same?.Invoke(a, b) ?? Equals(a, b)));
        var removed = before.Count(b => !after.Any(a => key(a) == key(b)));
        return (added, changed, removed);
    }
}
