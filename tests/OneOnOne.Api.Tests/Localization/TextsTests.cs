using System.Reflection;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Tests.Localization;

public sealed class TextsTests
{
    [Fact]
    public void Every_user_facing_text_exists_in_english_and_dutch()
    {
        var texts = typeof(Texts).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Text))
            .Select(f => (Name: $"{f.DeclaringType!.Name}.{f.Name}", Text: (Text)f.GetValue(null)!))
            .ToList();

        Assert.NotEmpty(texts);
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Text.En), $"{t.Name} has no English");
            Assert.False(string.IsNullOrWhiteSpace(t.Text.Nl), $"{t.Name} has no Dutch");
            Assert.NotEqual(t.Text.En, t.Text.Nl);
        });
    }
}
