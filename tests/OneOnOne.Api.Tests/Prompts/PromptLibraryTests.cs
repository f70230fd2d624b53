using System.Text.RegularExpressions;
using OneOnOne.Api.Data;
using OneOnOne.Api.Prompts;

namespace OneOnOne.Api.Tests.Prompts;

public class PromptLibraryTests
{
    private static readonly Guid SeriesA = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private static readonly Guid SeriesB = Guid.Parse("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d");

    private static readonly Dictionary<PromptTheme, string> KeyThemeSegment = new()
    {
        [PromptTheme.Preparation] = "preparation",
        [PromptTheme.Goals] = "goals",
        [PromptTheme.Listening] = "listening",
        [PromptTheme.Feedback] = "feedback",
        [PromptTheme.ConstructiveCriticism] = "criticism",
        [PromptTheme.Relationship] = "relationship",
        [PromptTheme.Wellbeing] = "wellbeing",
        [PromptTheme.Career] = "career",
        [PromptTheme.ReviewActions] = "review",
    };

    [Fact]
    public void Keys_are_unique()
    {
        var duplicates = PromptLibrary.All.GroupBy(p => p.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Keys_follow_the_role_theme_slug_format()
    {
        foreach (var p in PromptLibrary.All)
        {
            var prefix = p.Audience == ParticipantRole.Manager ? "mgr" : "rep";
            Assert.Matches(new Regex($"^{prefix}\\.{KeyThemeSegment[p.Theme]}\\.[a-z0-9]+(-[a-z0-9]+)*$"), p.Key);
        }
    }

    [Fact]
    public void Every_prompt_has_distinct_non_empty_dutch_and_english_text()
    {
        foreach (var p in PromptLibrary.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Nl), p.Key);
            Assert.False(string.IsNullOrWhiteSpace(p.En), p.Key);
            Assert.NotEqual(p.Nl, p.En);
        }
    }

    [Fact]
    public void No_prompt_text_is_longer_than_160_characters()
    {
        var tooLong = PromptLibrary.All.Where(p => p.Nl.Length > 160 || p.En.Length > 160).Select(p => p.Key).ToList();
        Assert.Empty(tooLong);
    }

    [Fact]
    public void Text_returns_the_requested_language()
    {
        var p = PromptLibrary.All[0];
        Assert.Equal(p.Nl, p.Text("nl"));
        Assert.Equal(p.En, p.Text("en"));
    }

    [Theory]
    [InlineData(ParticipantRole.Manager)]
    [InlineData(ParticipantRole.Report)]
    public void Every_theme_has_at_least_three_prompts_for_each_role(ParticipantRole role)
    {
        // Three, not one: the rotation needs that many to avoid repeating a prompt in consecutive meetings.
        foreach (var theme in Enum.GetValues<PromptTheme>())
        {
            Assert.True(PromptLibrary.All.Count(p => p.Theme == theme && p.Audience == role) >= 3, $"{role} {theme}");
        }
    }

    [Fact]
    public void Find_returns_the_prompt_by_key_and_null_for_unknown_keys()
    {
        foreach (var p in PromptLibrary.All)
        {
            Assert.Same(p, PromptLibrary.Find(p.Key));
        }

        Assert.Null(PromptLibrary.Find("mgr.feedback.does-not-exist"));
        Assert.Null(PromptLibrary.Find(""));
    }

    [Theory]
    [InlineData(ParticipantRole.Manager, false)]
    [InlineData(ParticipantRole.Report, true)]
    public void ForMeeting_is_deterministic(ParticipantRole role, bool hasOpenActions)
    {
        for (var m = 0; m < 20; m++)
        {
            var first = Keys(PromptLibrary.ForMeeting(SeriesA, m, role, hasOpenActions));
            var second = Keys(PromptLibrary.ForMeeting(new Guid(SeriesA.ToString()), m, role, hasOpenActions));
            Assert.Equal(first, second);
        }
    }

    [Theory]
    [InlineData(ParticipantRole.Manager, 3)]
    [InlineData(ParticipantRole.Report, 3)]
    [InlineData(ParticipantRole.Manager, 1)]
    [InlineData(ParticipantRole.Report, 5)]
    public void Consecutive_meetings_share_no_prompt_whether_or_not_actions_are_open(ParticipantRole role, int count)
    {
        foreach (var series in new[] { SeriesA, SeriesB })
        {
            for (var m = 0; m < 50; m++)
            {
                foreach (var openNow in new[] { false, true })
                {
                    foreach (var openNext in new[] { false, true })
                    {
                        var now = Keys(PromptLibrary.ForMeeting(series, m, role, openNow, count));
                        var next = Keys(PromptLibrary.ForMeeting(series, m + 1, role, openNext, count));
                        Assert.Empty(now.Intersect(next));
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(ParticipantRole.Manager, false, 1)]
    [InlineData(ParticipantRole.Manager, false, 3)]
    [InlineData(ParticipantRole.Report, false, 3)]
    [InlineData(ParticipantRole.Manager, true, 3)]
    [InlineData(ParticipantRole.Report, true, 2)]
    public void Every_theme_comes_round_within_nine_meetings(ParticipantRole role, bool hasOpenActions, int count)
    {
        for (var start = 0; start < 12; start++)
        {
            var seen = Enumerable.Range(start, 9)
                .SelectMany(m => PromptLibrary.ForMeeting(SeriesB, m, role, hasOpenActions, count))
                .Select(p => p.Theme)
                .ToHashSet();
            Assert.Equal(Enum.GetValues<PromptTheme>().Length, seen.Count);
        }
    }

    [Theory]
    [InlineData(ParticipantRole.Manager, false, 3)]
    [InlineData(ParticipantRole.Report, true, 3)]
    [InlineData(ParticipantRole.Report, false, 9)]
    [InlineData(ParticipantRole.Manager, true, 20)]
    public void Picked_prompts_have_distinct_themes_and_the_requested_audience(ParticipantRole role, bool hasOpenActions, int count)
    {
        for (var m = 0; m < 30; m++)
        {
            var picked = PromptLibrary.ForMeeting(SeriesA, m, role, hasOpenActions, count);
            Assert.Equal(Math.Min(count, Enum.GetValues<PromptTheme>().Length), picked.Count);
            Assert.All(picked, p => Assert.Equal(role, p.Audience));
            Assert.Equal(picked.Count, picked.Select(p => p.Theme).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(ParticipantRole.Manager, 1)]
    [InlineData(ParticipantRole.Manager, 3)]
    [InlineData(ParticipantRole.Report, 3)]
    public void Open_actions_always_bring_a_review_prompt(ParticipantRole role, int count)
    {
        for (var m = 0; m < 30; m++)
        {
            var picked = PromptLibrary.ForMeeting(SeriesA, m, role, hasOpenActions: true, count);
            Assert.Contains(picked, p => p.Theme == PromptTheme.ReviewActions);
        }
    }

    [Fact]
    public void Different_series_get_different_sequences()
    {
        var a = Enumerable.Range(0, 9).Select(m => Keys(PromptLibrary.ForMeeting(SeriesA, m, ParticipantRole.Manager, false)));
        var b = Enumerable.Range(0, 9).Select(m => Keys(PromptLibrary.ForMeeting(SeriesB, m, ParticipantRole.Manager, false)));
        Assert.NotEqual(string.Join("|", a.Select(k => string.Join(",", k))), string.Join("|", b.Select(k => string.Join(",", k))));
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PromptLibrary.ForMeeting(SeriesA, -1, ParticipantRole.Manager, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => PromptLibrary.ForMeeting(SeriesA, 0, ParticipantRole.Manager, false, 0));
    }

    private static readonly IReadOnlyList<FeedbackPrompt> Guide =
    [
        new("first", PromptTheme.Relationship, null, "Eerste", "First", PromptMoment.FirstMeeting),
        new("open", PromptTheme.ReviewActions, ParticipantRole.Manager, "Open", "Open", PromptMoment.OpenActions),
        new("quarterly", PromptTheme.Career, null, "Kwartaal", "Quarterly", PromptMoment.EveryNthMeeting, Every: 3),
        new("regular.a", PromptTheme.Listening, null, "A", "A"),
        new("regular.b", PromptTheme.Goals, ParticipantRole.Report, "B", "B"),
    ];

    [Fact]
    public void A_guides_moment_prompts_come_first_at_their_moment_and_the_regular_ones_fill_the_rest()
    {
        Assert.Equal(["first", "regular.a"], Keys(PromptLibrary.ForMeeting(SeriesA, 0, ParticipantRole.Manager, false, pool: Guide)));
        Assert.Equal(["open", "regular.a"], Keys(PromptLibrary.ForMeeting(SeriesA, 1, ParticipantRole.Manager, true, pool: Guide)));
        // Every third meeting: the third and the sixth (numbers 2 and 5, counting from 0).
        Assert.Equal([2, 5], Enumerable.Range(0, 7).Where(m => Keys(PromptLibrary.ForMeeting(SeriesA, m, ParticipantRole.Report, false, pool: Guide)).Contains("quarterly")));
        Assert.DoesNotContain("open", Keys(PromptLibrary.ForMeeting(SeriesA, 1, ParticipantRole.Report, true, pool: Guide)));
        // One slot only: the moment wins.
        Assert.Equal(["first"], Keys(PromptLibrary.ForMeeting(SeriesA, 0, ParticipantRole.Report, false, count: 1, pool: Guide)));
    }

    [Fact]
    public void The_reminder_takes_a_preparation_prompt_of_the_guide_and_the_built_in_one_when_the_guide_has_none()
    {
        IReadOnlyList<FeedbackPrompt> withPreparation = [.. Guide, new("prep", PromptTheme.Preparation, null, "Voorbereiden", "Prepare")];
        Assert.Equal("prep", PromptLibrary.ForReminder(SeriesA, 4, ParticipantRole.Manager, withPreparation).Key);
        var builtIn = PromptLibrary.ForReminder(SeriesA, 4, ParticipantRole.Manager, Guide);
        Assert.Equal((PromptTheme.Preparation, ParticipantRole.Manager), (builtIn.Theme, builtIn.Audience));
        Assert.Contains(builtIn, PromptLibrary.All);
    }

    private static List<string> Keys(IEnumerable<FeedbackPrompt> prompts) => prompts.Select(p => p.Key).ToList();
}
