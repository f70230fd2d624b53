using BenchmarkDotNet.Attributes;
using OneOnOne.Api.Data;
using OneOnOne.Api.Documents;

namespace OneOnOne.Benchmarks;

/// <summary>
/// The Word meeting-notes document of a meeting with a long history (50 agenda items, 100 action items, a page of
/// shared notes): generating it, and reading an uploaded one back (zip-bomb checks included).
/// </summary>
[MemoryDiagnoser]
public class NotesDocumentBenchmarks
{
    private NotesDocumentModel model = null!;
    private byte[] document = [];

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTime(2030, 3, 4, 10, 0, 0);
        model = new NotesDocumentModel(
            Guid.NewGuid(),
            Guid.NewGuid(),
            "https://oneonone.example.test",
            "nl",
            "Sanne Visser",
            "Priya Raman",
            start,
            start.AddMinutes(30),
            "Europe/Amsterdam",
            "Agree on the priorities of the quarter",
            [.. Enumerable.Range(1, 50).Select(i => new DocumentAgendaItem($"Talking point {i}: how the on-call rotation went after the holidays", i % 2 == 0 ? "Sanne Visser" : "Priya Raman", i % 5 == 0 ? start.AddDays(-7) : null, i % 7 == 0))],
            [.. Enumerable.Range(1, 80).Select(i => Action(i, start))],
            [.. Enumerable.Range(81, 20).Select(i => Action(i, start))],
            ["Which concrete goal do you want to have reached before the next meeting?", "Ask an open question, then be comfortable with a moment of silence."],
            string.Join('\n', Enumerable.Range(1, 40).Select(i => $"Line {i} of the shared notes: what we agreed and why, in a sentence or two.")));
        document = NotesDocumentWriter.Write(model);
    }

    private static DocumentAction Action(int i, DateTime start) =>
        new(Guid.NewGuid(), $"Action {i}: book the training and share the slides", i % 2 == 0 ? "Sanne Visser" : "Priya Raman",
            i % 3 == 0 ? null : DateOnly.FromDateTime(start.AddDays(i)), i % 4 == 0 ? ActionStatus.Done : ActionStatus.Open);

    [Benchmark]
    public byte[] Generate() => NotesDocumentWriter.Write(model);

    [Benchmark]
    public NotesDocumentContent ReadBack() => NotesDocumentReader.Read(document);
}
