using System.Diagnostics;
using System.Text;
using MimeKit;
using OneOnOne.Api.Data;

namespace OneOnOne.Api.Tests.Hosting;

/// <summary>
/// The first `dotnet run` as the README has it, on the real app process: within a minute the pickup folder holds the
/// recap of the new colleague's first 1-on-1 and the reminder of tomorrow's check-in, each in its reader's language,
/// the log has no alarming migration warning, and a second start sends nothing again.
/// </summary>
public sealed class FirstStartTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed class App : IAsyncDisposable
    {
        private readonly Process process;
        private readonly StringBuilder output = new();

        public App(string dataFolder)
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OneOnOne.Api.dll"), "--urls", "http://127.0.0.1:0"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                WorkingDirectory = dataFolder,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["App__DataFolder"] = dataFolder;
            start.Environment["Logging__Console__FormatterName"] = "simple";
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, line) => Append(line.Data);
            process.ErrorDataReceived += (_, line) => Append(line.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (output)
                {
                    return output.ToString();
                }
            }
        }

        private void Append(string? line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }

        public async Task WaitForAsync(Func<bool> done, string what)
        {
            var until = DateTime.UtcNow.AddSeconds(90);
            while (!done())
            {
                Assert.False(process.HasExited, $"The app stopped before {what}:\n{Output}");
                Assert.True(DateTime.UtcNow < until, $"Not within 90 s: {what}.\n{Output}");
                await Task.Delay(250, Cancel);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private static List<MimeMessage> Mails(string folder, params string[] to) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => to.Contains(m.To.Mailboxes.Single().Address)).ToList()
            : [];

    [Fact]
    public async Task Within_a_minute_of_the_first_start_the_recap_and_the_reminder_are_in_the_pickup_folder_once()
    {
        var dataFolder = Directory.CreateTempSubdirectory("oneonone-first-start-").FullName;
        var pickup = Path.Combine(dataFolder, "mail-pickup");
        string[] pair = [DemoData.OnboardingManager.Email, DemoData.NewColleague.Email];
        try
        {
            string firstOutput;
            await using (var first = new App(dataFolder))
            {
                await first.WaitForAsync(() => Mails(pickup, pair).Count >= 4, "a recap and a reminder for both");
                firstOutput = first.Output;
            }

            var mails = Mails(pickup, pair);
            var subjects = mails.Select(m => $"{m.To.Mailboxes.Single().Address}: {m.Subject}").Order().ToList();
            Assert.Equal(4, mails.Count);
            Assert.Contains(subjects, s => s.StartsWith($"{DemoData.NewColleague.Email}: Terugblik op je 1-op-1 met Tom Hughes", StringComparison.Ordinal));
            Assert.Contains(subjects, s => s.StartsWith($"{DemoData.NewColleague.Email}: Bereid je 1-op-1 met Tom Hughes voor", StringComparison.Ordinal));
            Assert.Contains(subjects, s => s.StartsWith($"{DemoData.OnboardingManager.Email}: Recap of your 1-on-1 with Lotte de Vries", StringComparison.Ordinal));
            Assert.Contains(subjects, s => s.StartsWith($"{DemoData.OnboardingManager.Email}: Prepare your 1-on-1 with Lotte de Vries", StringComparison.Ordinal));
            Assert.DoesNotContain("partially applied", firstOutput, StringComparison.Ordinal);
            Assert.Contains("Bringing the SQLite database up to date", firstOutput, StringComparison.Ordinal);

            await using (var second = new App(dataFolder))
            {
                await second.WaitForAsync(() => second.Output.Contains("Application started", StringComparison.Ordinal), "the second start");
                // The sweep runs at once on start; give it the time the first start needed for its mails, and more.
                await Task.Delay(TimeSpan.FromSeconds(8), Cancel);
                Assert.DoesNotContain("Bringing the SQLite database up to date", second.Output, StringComparison.Ordinal);
            }

            Assert.Equal(4, Mails(pickup, pair).Count);
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }
}
