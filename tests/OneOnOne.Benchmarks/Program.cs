using BenchmarkDotNet.Running;

// `followups` measures end-to-end follow-up throughput (see FollowUpThroughput); anything else goes to BenchmarkDotNet.
if (args.FirstOrDefault() == "followups")
{
    return await OneOnOne.Benchmarks.FollowUpThroughput.RunAsync(args[1..]);
}

// The API's public Program type is visible here too, so name a type of this assembly.
BenchmarkSwitcher.FromAssembly(typeof(OneOnOne.Benchmarks.NotesDocumentBenchmarks).Assembly).Run(args);
return 0;
