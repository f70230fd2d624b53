using OneOnOne.Api.Data;

namespace OneOnOne.Api.Tests.Data;

public sealed class UserTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("  padded \t", "padded")]
    [InlineData("bell\u0007 and escape\u001b", "bell and escape")]
    [InlineData("pair \ud83d\ude00 kept", "pair \ud83d\ude00 kept")]
    [InlineData("line\r\nbreaks\rnormalized\n", "line\nbreaks\nnormalized")]
    [InlineData("non\uFFFEchar\uFFFF", "nonchar")]
    [InlineData("right-to-left \u05e9\u05dc\u05d5\u05dd", "right-to-left \u05e9\u05dc\u05d5\u05dd")]
    [InlineData(null, "")]
    public void Clean_keeps_what_xml_and_email_can_carry(string? input, string expected) =>
        Assert.Equal(expected, UserText.Clean(input));

    // Not an InlineData: test data is serialized, and a lone surrogate would not survive that.
    [Fact]
    public void Lone_surrogates_are_dropped() =>
        Assert.Equal("lone  high and  low", UserText.Clean("lone \ud800 high and \udc00 low"));

    [Fact]
    public void CleanLine_turns_line_breaks_into_spaces() =>
        Assert.Equal("one two three", UserText.CleanLine("one\ntwo\tthree"));

    [Fact]
    public void Whatever_goes_in_what_comes_out_is_valid_xml_text()
    {
        var random = new Random(20261126);
        for (var run = 0; run < 2000; run++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next(0, 0x10000)).ToArray();

            var clean = UserText.Clean(new string(chars));

            Assert.True(IsXmlText(clean), $"run {run}: {string.Join(' ', clean.Select(c => ((int)c).ToString("x4")))}");
        }
    }

    private static bool IsXmlText(string text)
    {
        try
        {
            System.Xml.XmlConvert.VerifyXmlChars(text);
            return true;
        }
        catch (System.Xml.XmlException)
        {
            return false;
        }
    }
}
