using System.Globalization;

namespace OneOnOne.Benchmarks;

/// <summary>The runs' command-line options: `--name value`.</summary>
internal static class BenchmarkArgs
{
    public static int Int(string[] args, string name, int fallback) =>
        String(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public static string? String(string[] args, string name) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
}
