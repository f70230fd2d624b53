using System.Globalization;
using OneOnOne.Api.Data;

namespace OneOnOne.DataGenerator;

/// <summary>One series to generate: its two people, its language and how much history it gets.</summary>
internal sealed record SeriesPlan(Series Series, string? Language, string ManagerFirstName, string ReportFirstName, int PastMeetings, int Actions);

/// <summary>
/// The people and series of the organisation, deterministic for a seed: tenants of equal size, about one manager per
/// six people, each report with a manager of their own tenant (and, when there are more series than reports, a
/// second manager: a pair never repeats).
/// </summary>
internal sealed class OrganisationShape
{
    /// <summary>Tenant ids start with this; a database with such a tenant already holds generated data.</summary>
    public const string TenantPrefix = "0ae40000-0000-4000-8000-";

    private readonly GeneratorOptions options;

    public OrganisationShape(GeneratorOptions options)
    {
        this.options = options;
        var random = new Random(options.Seed);
        People = CreatePeople(random, out var firstNames);
        SeriesPlans = CreateSeries(random, firstNames);
    }

    public IReadOnlyList<Person> People { get; }

    public IReadOnlyList<SeriesPlan> SeriesPlans { get; }

    public static string TenantId(int tenant) => TenantPrefix + (tenant + 1).ToString("x12", CultureInfo.InvariantCulture);

    /// <summary>Managers and reports among a tenant's people.</summary>
    public static (int Managers, int Reports) Split(int people)
    {
        var managers = Math.Max(1, people / 6);
        return (managers, people - managers);
    }

    public static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        // A well-formed version-4 GUID, as Guid.NewGuid would give.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    // Person i belongs to tenant i % T: every tenant gets the same share.
    private List<Person> CreatePeople(Random random, out string[] firstNames)
    {
        var tenants = options.TenantCount;
        var people = new List<Person>(options.People);
        firstNames = new string[options.People];
        var created = options.Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddYears(-3);
        for (var i = 0; i < options.People; i++)
        {
            var tenant = i % tenants;
            var roll = random.Next(100);
            var language = roll < 55 ? "nl" : roll < 90 ? "en" : null;
            var dutchName = language == "nl" || (language is null && random.Next(2) == 0);
            var first = Pick(random, dutchName ? Words.DutchFirstNames : Words.EnglishFirstNames);
            var last = Pick(random, dutchName ? Words.DutchLastNames : Words.EnglishLastNames);
            var person = new Person
            {
                Id = NextGuid(random),
                TenantId = TenantId(tenant),
                ObjectId = NextGuid(random).ToString(),
                DisplayName = $"{first} {last}",
                Language = language,
                CreatedUtc = created.AddMinutes(i),
            };
            // The index keeps addresses unique in the tenant however often a name repeats.
            person.SetEmail($"{first}.{last.Replace(" ", "", StringComparison.Ordinal)}.{i / tenants}@t{tenant + 1:00}.generated.oneonone.test");
            firstNames[i] = first;
            people.Add(person);
        }

        return people;
    }

    private List<SeriesPlan> CreateSeries(Random random, string[] firstNames)
    {
        var tenants = options.TenantCount;
        var meetingCounts = MeetingCounts(random);
        var actionCounts = Proportional(options.Actions, meetingCounts);
        var plans = new List<SeriesPlan>(options.Series);
        for (var k = 0; k < options.Series; k++)
        {
            var tenant = k % tenants;
            var local = k / tenants;
            // The tenant's people are tenant, tenant + T, tenant + 2T, ...: the first ones are its managers.
            var count = options.People / tenants + (tenant < options.People % tenants ? 1 : 0);
            var (managers, reports) = Split(count);
            var reportIndex = managers + local % reports;
            var managerIndex = (local % reports % managers + local / reports) % managers;
            var manager = People[tenant + managerIndex * tenants];
            var report = People[tenant + reportIndex * tenants];

            var series = new Series
            {
                Id = NextGuid(random),
                TenantId = manager.TenantId,
                CreatedUtc = options.Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-7 * (meetingCounts[k] + 1)),
                Version = NextGuid(random),
            };
            series.SetParticipants(manager.Id, report.Id);
            // The report's language leads (the conversation is about them); without one, the manager's.
            plans.Add(new SeriesPlan(series, report.Language ?? manager.Language,
                firstNames[tenant + managerIndex * tenants], firstNames[tenant + reportIndex * tenants], meetingCounts[k], actionCounts[k]));
        }

        return plans;
    }

    // An equal share each, then pairs of series trade meetings: some relationships are new, some years old; the total stays.
    private int[] MeetingCounts(Random random)
    {
        var counts = new int[options.Series];
        for (var k = 0; k < counts.Length; k++)
        {
            counts[k] = options.Meetings / options.Series + (k < options.Meetings % options.Series ? 1 : 0);
        }

        for (var k = 0; k + 1 < counts.Length; k += 2)
        {
            var moved = random.Next(counts[k + 1]);
            counts[k] += moved;
            counts[k + 1] -= moved;
        }

        return counts;
    }

    /// <summary>Splits a total over the series in proportion to their meetings, exactly.</summary>
    private static int[] Proportional(int total, int[] weights)
    {
        var sum = weights.Sum(w => (long)w);
        var shares = weights.Select(w => (int)(total * (long)w / sum)).ToArray();
        var left = total - shares.Sum();
        for (var k = 0; left > 0; k = (k + 1) % shares.Length, left--)
        {
            shares[k]++;
        }

        return shares;
    }

    public static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
