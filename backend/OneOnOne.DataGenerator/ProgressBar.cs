using System.Diagnostics;
using System.Globalization;

namespace OneOnOne.DataGenerator;

/// <summary>
/// A text progress bar: redrawn in place on a terminal, a line per tenth when the output is a file or a pipe (so logs
/// stay readable).
/// </summary>
internal sealed class ProgressBar(TextWriter output, long total, bool interactive)
{
    private const int Width = 30;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private int lastTenth = -1;
    private long lastDrawMs = -1000;

    public void Report(long done, string detail)
    {
        var fraction = total == 0 ? 1 : Math.Min(1, (double)done / total);
        if (interactive)
        {
            // A redraw per batch is plenty; more would only cost time.
            if (clock.ElapsedMilliseconds - lastDrawMs < 200 && done < total)
            {
                return;
            }

            lastDrawMs = clock.ElapsedMilliseconds;
            output.Write($"\r{Line(fraction, detail)}");
            if (done >= total)
            {
                output.WriteLine();
            }
        }
        else
        {
            var tenth = (int)(fraction * 10);
            if (tenth > lastTenth)
            {
                lastTenth = tenth;
                output.WriteLine(Line(fraction, detail));
            }
        }
    }

    private string Line(double fraction, string detail)
    {
        var filled = (int)Math.Round(fraction * Width);
        var elapsed = clock.Elapsed;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('-', Width - filled)}] {fraction * 100,3:0}%  {detail}  {elapsed:mm\\:ss}");
    }
}
