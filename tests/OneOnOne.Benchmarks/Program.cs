using BenchmarkDotNet.Running;

// `followups` measures end-to-end follow-up throughput (see FollowUpThroughput), `calendar` the reconciliation against a
// local Graph (see CalendarReconciliation), `live` the time from a write to the other pane's update (see LiveLatency);
// anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "followups":
        return await OneOnOne.Benchmarks.FollowUpThroughput.RunAsync(args[1..]);
    case "calendar":
        return await OneOnOne.Benchmarks.CalendarReconciliation.RunAsync(args[1..]);
    case "live":
        return await OneOnOne.Benchmarks.LiveLatency.RunAsync(args[1..]);
}

// The API's public Program type is visible here too, so name a type of this assembly.
BenchmarkSwitcher.FromAssembly(typeof(OneOnOne.Benchmarks.NotesDocumentBenchmarks).Assembly).Run(args);
return 0;
