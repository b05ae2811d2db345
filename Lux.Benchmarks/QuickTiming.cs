using System.Diagnostics;
using System.Globalization;
using Lux.Benchmarks.Fleets;
using Microsoft.CodeAnalysis;

namespace Lux.Benchmarks;

/// <summary>
/// A fast measurement loop for the edit-measure cycle while optimising (BenchmarkDotNet is the reference):
/// medians of wall time, the generator's own time from <see cref="GeneratorDriver.GetTimingInfo"/>, and the
/// bytes allocated per run. Also counts which generated sources a one-literal edit re-emits.
/// </summary>
internal static class QuickTiming
{
    private const int WarmupRuns = 2;

    public static void Run(IReadOnlyList<string> sizes, int runs)
    {
        Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformationText()}; median of {runs} runs after {WarmupRuns} warm-up runs");
        Console.WriteLine();
        Console.WriteLine("| Fleet | Measurement | Median (ms) | Min (ms) | Max (ms) | Generator time (ms, GetTimingInfo) | Allocated (MB) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var harness = new LuxHarness(Fleet.Named(size));
            harness.Verify();
            var featureTree = harness.Compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("OpenSsh.cs", StringComparison.Ordinal));

            Measure(size, "generator, cold", runs, () =>
            {
                var driver = harness.CreateDriver().RunGenerators(harness.Compilation.Clone());
                return driver.GetTimingInfo().ElapsedTime;
            });
            var warm = harness.CreateDriver().RunGenerators(harness.Compilation.Clone());
            Measure(size, "generator, warm after a one-literal edit", runs, () =>
                warm.RunGenerators(harness.EditedCompilation()).GetTimingInfo().ElapsedTime);
            Measure(size, "analyzer, the edited host's document", runs, () =>
            {
                harness.AnalyzeEditedHost();
                return null;
            });
            Measure(size, "analyzer, a feature's document (OpenSsh.cs)", runs, () =>
            {
                harness.AnalyzeDocument(harness.EditedCompilation(), featureTree);
                return null;
            });
            Measure(size, "compiler only, the edited host's semantic diagnostics", runs, () =>
            {
                harness.EditedCompilation().GetSemanticModel(harness.EditedTree).GetDiagnostics();
                return null;
            });
            Console.Error.WriteLine($"{harness.Fleet.Describe()}; a one-literal edit re-emits {ReEmitted(harness)}");
        }
    }

    /// <summary>The generated sources a warm run after the edit adds or changes (AddSource outputs New or Modified), of all it has.</summary>
    internal static string ReEmitted(LuxHarness harness)
    {
        var driver = harness.CreateDriver(trackSteps: true).RunGenerators(harness.Compilation.Clone());
        var result = driver.RunGenerators(harness.EditedCompilation()).GetRunResult().Results[0];
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs).ToList();
        var changed = outputs.Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        var changedSources = result.GeneratedSources.Length;
        return $"{changed} of {outputs.Count} source outputs ({changedSources} generated sources in all)";
    }

    private static void Measure(string size, string what, int runs, Func<TimeSpan?> run)
    {
        for (var i = 0; i < WarmupRuns; i++)
            run();
        var wall = new List<double>();
        var generator = new List<double>();
        var allocated = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var own = run();
            stopwatch.Stop();
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0);
            wall.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (own is { } elapsed)
                generator.Add(elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"| {size} | {what} | {F(Median(wall))} | {F(wall.Min())} | {F(wall.Max())} | {(generator.Count > 0 ? F(Median(generator)) : "")} | {F(Median(allocated))} |");
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string F(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    private static string RuntimeInformationText() =>
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + ", " + System.Runtime.InteropServices.RuntimeInformation.OSDescription;
}
