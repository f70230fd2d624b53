using System.Globalization;
using OneOnOne.Api.Data;

namespace OneOnOne.DataGenerator;

/// <summary>What to generate and where. The defaults are the organisation of the load benchmark.</summary>
public sealed record GeneratorOptions
{
    public required DatabaseProvider Provider { get; init; }
    public required string ConnectionString { get; init; }
    public int People { get; init; } = 10_000;
    public int Series { get; init; } = 5_000;

    /// <summary>Past meetings; every series also gets its next (upcoming) meeting on top.</summary>
    public int Meetings { get; init; } = 250_000;

    public int Actions { get; init; } = 1_000_000;
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Past meetings to add before the demo manager's Dutch 1-on-1 (seeding the demo tenant if it is missing), so the load
    /// benchmark can compare the pane of a series with a long history with the English one's three meetings.
    /// </summary>
    public int DemoHistory { get; init; }

    /// <summary>0: about one tenant per 10 people, at most 20.</summary>
    public int Tenants { get; init; }

    /// <summary>The day the history ends; meetings are weekly before it. The same seed and day give the same rows.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    public int TenantCount => Tenants > 0 ? Tenants : Math.Clamp(People / 10, 1, 20);

    public const string Usage =
        """
        Fills a OneOnOne database with a generated organisation (it migrates the database first).

          --provider Sqlite|PostgreSql|SqlServer   required
          --connection "<connection string>"       required
          --people 10000 --series 5000 --meetings 250000 --actions 1000000
          --tenants 20     (default: one per 10 people, at most 20)
          --seed 1         (the same seed and --today give the same rows)
          --demo-history 0 (past meetings to add before the demo tenant's Dutch 1-on-1; seeds the demo tenant)
          --today yyyy-MM-dd  (default: today, UTC; the history ends the day before)

        Refuses (exit code 3) when the database already holds generated data.
        """;

    public static GeneratorOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"Expected '--name value', found '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        var known = new[] { "provider", "connection", "people", "series", "meetings", "actions", "seed", "tenants", "today", "demo-history" };
        if (values.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option --{unknown}.");
        }

        var providerText = Required(values, "provider");
        if (!Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var provider) || !Enum.IsDefined(provider))
        {
            throw new ArgumentException($"--provider '{providerText}' is not known: use Sqlite, PostgreSql or SqlServer.");
        }

        var defaults = new GeneratorOptions { Provider = provider, ConnectionString = Required(values, "connection") };
        var options = defaults with
        {
            People = Number(values, "people", defaults.People),
            Series = Number(values, "series", defaults.Series),
            Meetings = Number(values, "meetings", defaults.Meetings),
            Actions = Number(values, "actions", defaults.Actions),
            Seed = Number(values, "seed", defaults.Seed),
            Tenants = Number(values, "tenants", defaults.Tenants),
            DemoHistory = Number(values, "demo-history", defaults.DemoHistory),
            Today = values.TryGetValue("today", out var today)
                ? DateOnly.ParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : defaults.Today,
        };
        options.Validate();
        return options;
    }

    /// <summary>Refuses shapes that cannot be built: every series needs two people of its tenant, and distinct pairs.</summary>
    public void Validate()
    {
        if (People < 2 || Series < 1 || Meetings < Series || Actions < 0)
        {
            throw new ArgumentException("Need at least 2 people, 1 series, one past meeting per series and no negative actions.");
        }

        var peoplePerTenant = People / TenantCount;
        if (peoplePerTenant < 2)
        {
            throw new ArgumentException($"{People} people over {TenantCount} tenants leaves fewer than two people in a tenant.");
        }

        var seriesPerTenant = (Series + TenantCount - 1) / TenantCount;
        var (managers, reports) = OrganisationShape.Split(peoplePerTenant);
        if (seriesPerTenant > managers * reports)
        {
            throw new ArgumentException($"{Series} series do not fit in {TenantCount} tenants of {peoplePerTenant} people without repeating a pair.");
        }
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"--{name} is required.");

    private static int Number(Dictionary<string, string> values, string name, int fallback) =>
        !values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ArgumentException($"--{name} must be a whole number, not '{text}'.");
}
