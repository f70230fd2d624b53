namespace OneOnOne.DataGenerator;

// A named entry point in the tool's namespace: a top-level Program would clash with the API's public Program in the
// test project, which references both.
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        GeneratorOptions options;
        try
        {
            options = GeneratorOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync();
            await Console.Error.WriteLineAsync(GeneratorOptions.Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var result = await Generator.RunAsync(options, Console.Error, interactive: !Console.IsErrorRedirected, cancel.Token);
        if (result.Refused is { } reason)
        {
            await Console.Error.WriteLineAsync(reason);
            return 3;
        }

        Console.WriteLine(result.Summary());
        return 0;
    }
}
