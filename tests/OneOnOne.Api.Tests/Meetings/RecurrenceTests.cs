using OneOnOne.Api.Meetings;

namespace OneOnOne.Api.Tests.Meetings;

public sealed class RecurrenceTests
{
    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    public static TheoryData<string, DateTime, RecurrenceInput, DateTime> Cases => new()
    {
        { "weekly keeps the weekday", Utc(2030, 3, 4, 9), new("weekly", 1, null, null), Utc(2030, 3, 11, 9) },
        { "every two weeks", Utc(2030, 3, 4, 9), new("weekly", 2, ["mon"], null), Utc(2030, 3, 18, 9) },
        { "a later day in the same week", Utc(2030, 3, 4, 9), new("weekly", 1, ["mon", "thu"], null), Utc(2030, 3, 7, 9) },
        { "from the last listed day to the next week's first", Utc(2030, 3, 7, 9), new("weekly", 2, ["mon", "thu"], null), Utc(2030, 3, 18, 9) },
        { "a Sunday meeting moves a week on", Utc(2030, 3, 10, 9), new("weekly", 1, ["sun"], null), Utc(2030, 3, 17, 9) },
        { "weekday skips the weekend", Utc(2030, 3, 8, 9), new("weekday", null, null, null), Utc(2030, 3, 11, 9) },
        { "daily", Utc(2030, 3, 8, 9), new("daily", 3, null, null), Utc(2030, 3, 11, 9) },
        { "monthly", Utc(2030, 1, 31, 9), new("monthly", 1, null, null), Utc(2030, 2, 28, 9) },
        // 09:00 in Amsterdam is 07:00 UTC in summer time and 08:00 UTC after the clocks go back (27 October 2030).
        { "the local time survives the end of summer time", Utc(2030, 10, 24, 7), new("weekly", 1, null, "W. Europe Standard Time"), Utc(2030, 10, 31, 8) },
        { "IANA zone names work too", Utc(2030, 3, 28, 8), new("weekly", 1, null, "Europe/Amsterdam"), Utc(2030, 4, 4, 7) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_next_occurrence_is_computed_in_the_series_time_zone(string why, DateTime start, RecurrenceInput recurrence, DateTime expected)
    {
        Assert.True(Recurrence.IsReadable(recurrence), why);
        var zone = Recurrence.FindTimeZone(recurrence.TimeZone);

        Assert.NotNull(zone);
        Assert.Equal(expected, Recurrence.NextStartUtc(start, recurrence, zone));
    }

    [Theory]
    [InlineData("fortnightly", 1)]
    [InlineData("weekly", 0)]
    [InlineData("weekly", 100)]
    [InlineData(null, 1)]
    public void A_recurrence_the_server_cannot_read_is_recognised(string? type, int interval) =>
        Assert.False(Recurrence.IsReadable(new RecurrenceInput(type, interval, null, null)));

    [Fact]
    public void Unknown_days_and_zones_are_recognised()
    {
        Assert.False(Recurrence.IsReadable(new RecurrenceInput("weekly", 1, ["funday"], null)));
        Assert.Null(Recurrence.FindTimeZone("Mars/Olympus_Mons"));
    }
}
