using System.Diagnostics;
using OneOnOne.Api.Data;
using OneOnOne.Api.Documents;

namespace OneOnOne.Api.Tests.Documents;

/// <summary>
/// A real word processor opens the document, not only our own reader: LibreOffice (Debian's libreoffice-writer-nogui,
/// installed by .ci/run) converts it to PDF, and poppler's pdftotext finds the agenda in the PDF. A conversion takes a
/// few seconds.
/// </summary>
public sealed class LibreOfficeRenderingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LibreOffice_converts_a_generated_document_to_a_pdf_that_has_the_agenda()
    {
        RequireTool("soffice", "libreoffice-writer-nogui");
        RequireTool("pdftotext", "poppler-utils");
        var folder = Directory.CreateTempSubdirectory("oneonone-render-").FullName;
        try
        {
            var model = new NotesDocumentModel(
                Guid.NewGuid(), Guid.NewGuid(), "https://oneonone.example.test", "en", "Manager Mia", "Report Rik",
                new DateTime(2030, 3, 4, 10, 0, 0), new DateTime(2030, 3, 4, 10, 30, 0), "Europe/Amsterdam",
                "Agree on the priorities of the quarter",
                [
                    new DocumentAgendaItem("Budget for the conference", "Manager Mia", null, false),
                    new DocumentAgendaItem("Holiday plans 🌴", "Report Rik", new DateTime(2030, 2, 25), false),
                    new DocumentAgendaItem("שלום — feedback in Hebrew", "Report Rik", null, true),
                ],
                [new DocumentAction(Guid.NewGuid(), "Book the training", "Report Rik", new DateOnly(2030, 3, 8), ActionStatus.Open)],
                [],
                ["What do you want to walk away with from this conversation?"],
                "Both of us see this");
            var document = Path.Combine(folder, "notes.docx");
            await File.WriteAllBytesAsync(document, NotesDocumentWriter.Write(model), Cancel);

            // Its own profile folder, so a LibreOffice already running on the machine does not take the job over.
            await RunAsync("soffice", folder,
                $"-env:UserInstallation=file://{folder}/profile", "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder, document);
            var pdf = Path.Combine(folder, "notes.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice made no PDF");
            var text = await RunAsync("pdftotext", folder, "-enc", "UTF-8", pdf, "-");

            Assert.Contains("Budget for the conference", text, StringComparison.Ordinal);
            Assert.Contains("Holiday plans", text, StringComparison.Ordinal);
            Assert.Contains("Book the training", text, StringComparison.Ordinal);
            // The due-date column fits a date: it is not broken over two lines at a hyphen.
            Assert.Contains("2030-03-08", text, StringComparison.Ordinal);
            // No page is left blank (pdftotext ends each page with a form feed).
            Assert.All(text.Split('\f')[..^1], page => Assert.False(string.IsNullOrWhiteSpace(page), "A blank page"));
            Assert.Contains("Both of us see this", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void RequireTool(string command, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, command)));
        if (!found)
        {
            var reason = $"{command} is not installed: apt-get install {package} (.ci/run does).";
            // CI installs it; there a missing tool is a failure, not a skip.
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }
    }

    private static async Task<string> RunAsync(string command, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["HOME"] = folder;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Cancel);
        var error = process.StandardError.ReadToEndAsync(Cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"{command} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
