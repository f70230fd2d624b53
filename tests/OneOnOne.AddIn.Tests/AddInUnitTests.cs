using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OneOnOne.AddIn.Tests;

/// <summary>The add-in's own checks, so that the README test command runs them too.</summary>
public sealed class AddInUnitTests
{
    [Fact]
    public async Task Vitest_unit_tests_pass()
    {
        var (exit, output) = await RunNpmAsync("test");
        Assert.True(exit == 0, $"npm test (vitest) failed:{Environment.NewLine}{output}");
    }

    /// <summary>
    /// What the first view loads (the page's inline early script, the entry, the pane's UI chunk and their static
    /// imports, JS and CSS), gzipped, must stay within 150 KB; office.js comes from Microsoft and is not counted.
    /// See docs/benchmarks.md.
    /// </summary>
    [Fact]
    public void The_first_view_loads_at_most_150_KB_gzipped()
    {
        var built = Path.Combine(AddInFolder.RepositoryRoot, "backend", "OneOnOne.Api", "wwwroot", "addin");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(built, ".vite", "manifest.json")));
        var chunks = manifest.RootElement;
        var files = new HashSet<string>();

        void Walk(string key)
        {
            var chunk = chunks.GetProperty(key);
            if (!files.Add(chunk.GetProperty("file").GetString()!))
            {
                return;
            }

            foreach (var css in chunk.TryGetProperty("css", out var list) ? list.EnumerateArray() : default)
            {
                files.Add(css.GetString()!);
            }

            foreach (var import in chunk.TryGetProperty("imports", out var imports) ? imports.EnumerateArray() : default)
            {
                Walk(import.GetString()!);
            }
        }

        Walk("taskpane.html");
        Walk("src/outlook/App.tsx");
        var page = File.ReadAllText(Path.Combine(built, "taskpane.html"));
        var inline = string.Concat(Regex.Matches(page, "<script>(.*?)</script>", RegexOptions.Singleline).Select(match => match.Groups[1].Value));
        Assert.NotEmpty(inline);
        var bytes = Gzipped(Encoding.UTF8.GetBytes(inline)) + files.Sum(file => Gzipped(File.ReadAllBytes(Path.Combine(built, file))));
        Assert.True(bytes <= 150 * 1024, $"The first view loads {bytes / 1024.0:F1} KB gzipped: {string.Join(", ", files)}");
    }

    private static long Gzipped(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return buffer.Length;
    }

    private static async Task<(int Exit, string Output)> RunNpmAsync(string script)
    {
        var info = new ProcessStartInfo("npm", $"run {script}")
        {
            WorkingDirectory = AddInFolder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["CI"] = "true";
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
