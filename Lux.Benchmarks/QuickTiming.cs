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
        Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformationText()}; median of {runs} runs after at least {WarmupRuns} warm-up runs and 3 s; " +
            $"load average at start {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| Fleet | Measurement | Median (ms) | Min (ms) | Max (ms) | Generator time (ms, GetTimingInfo) | CPU time (ms) | Allocated (MB) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var harness = new LuxHarness(Fleet.Named(size));
            if (Environment.GetEnvironmentVariable("LUX_FIRST_RUN") is not null)
                FirstRuns(harness);
            harness.Verify();
            var featureTree = harness.Compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("OpenSsh.cs", StringComparison.Ordinal));

            Measure(size, "generator, cold", runs, () =>
            {
                var driver = harness.ColdDriver();
                return driver.GetTimingInfo().ElapsedTime;
            });
            var warm = harness.ColdDriver();
            Measure(size, "generator, warm after a one-literal edit", runs, () =>
                warm.RunGenerators(harness.Edit().Compilation).GetTimingInfo().ElapsedTime);
            Measure(size, "analyzer, the edited host's document", runs, () =>
            {
                harness.AnalyzeEditedHost();
                return null;
            });
            Measure(size, "analyzer, a feature's document (OpenSsh.cs)", runs, () =>
            {
                harness.AnalyzeDocument(harness.Edit().Compilation, featureTree);
                return null;
            });
            Measure(size, "compiler only, the edited host's semantic diagnostics", runs, () =>
            {
                var (compilation, tree) = harness.Edit();
                compilation.GetSemanticModel(tree).GetDiagnostics();
                return null;
            });
            Console.Error.WriteLine($"{harness.Fleet.Describe()}; a one-literal edit re-emits {ReEmitted(harness)}");
        }
    }

    /// <summary>
    /// The first cold runs of a fresh process, as a build without the compiler server makes one per build: wall time and
    /// what the JIT compiled meanwhile. Here Roslyn comes from NuGet without ReadyToRun code, so the JIT figures also hold
    /// Roslyn's own methods (the SDK's csc is ReadyToRun-compiled; Lux.Generators is not): an upper bound for Lux's share.
    /// </summary>
    private static void FirstRuns(LuxHarness harness)
    {
        for (var i = 1; i <= 3; i++)
        {
            var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var stopwatch = Stopwatch.StartNew();
            harness.ColdDriver();
            Console.Error.WriteLine($"{harness.Fleet.Name} cold run {i} of a fresh process: {stopwatch.Elapsed.TotalMilliseconds:0} ms; " +
                $"JIT {(System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds:0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount() - methods} methods");
        }
    }

    /// <summary>The generated sources a warm run after the edit adds or changes (AddSource outputs New or Modified), of all it has.</summary>
    internal static string ReEmitted(LuxHarness harness)
    {
        var driver = harness.CreateDriver(trackSteps: true).RunGenerators(harness.Compilation.Clone());
        var result = driver.RunGenerators(harness.Edit().Compilation).GetRunResult().Results[0];
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs).ToList();
        var changed = outputs.Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        var changedSources = result.GeneratedSources.Length;
        if (Environment.GetEnvironmentVariable("LUX_STEPS") is not null)
        {
            foreach (var (name, steps) in result.TrackedSteps.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                var reasons = steps.SelectMany(s => s.Outputs).GroupBy(o => o.Reason).Select(g => g.Key + "=" + g.Count());
                Console.Error.WriteLine($"  {name}: {steps.Length} steps, {string.Join(" ", reasons)}, {steps.Sum(s => s.ElapsedTime.TotalMilliseconds):0.0} ms");
            }
        }
        return $"{changed} of {outputs.Count} source outputs ({changedSources} generated sources in all)";
    }

    /// <summary>Set LUX_ONLY to a word of a measurement's name to run only those (for profiling one of them).</summary>
    private static readonly string? Only = Environment.GetEnvironmentVariable("LUX_ONLY");

    private static void Measure(string size, string what, int runs, Func<TimeSpan?> run)
    {
        if (Only is not null && !what.Contains(Only, StringComparison.Ordinal))
            return;
        // Warm up until the JIT has had time to tier the code up, not just for a count of runs.
        // LUX_FIRST_RUN=1 measures the first run of a fresh process, as csc makes it when the build has no compiler server.
        var warmup = Stopwatch.StartNew();
        for (var i = 0; Environment.GetEnvironmentVariable("LUX_FIRST_RUN") is null && (i < WarmupRuns || warmup.Elapsed < TimeSpan.FromSeconds(3)); i++)
            run();
        var wall = new List<double>();
        var generator = new List<double>();
        var cpu = new List<double>();
        var allocated = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var own = run();
            stopwatch.Stop();
            process.Refresh();
            // CPU time of the whole process (GC and JIT threads too): unlike wall time, it does not grow when
            // other jobs share the two cores.
            cpu.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0);
            wall.Add(stopwatch.Elapsed.TotalMilliseconds);
            if (own is { } elapsed)
                generator.Add(elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"| {size} | {what} | {F(Median(wall))} | {F(wall.Min())} | {F(wall.Max())} | {(generator.Count > 0 ? F(Median(generator)) : "")} | {F(Median(cpu))} | {F(Median(allocated))} |");
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string F(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>The 1-minute load average: figures taken while other jobs ran say so.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static string RuntimeInformationText() =>
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + ", " + System.Runtime.InteropServices.RuntimeInformation.OSDescription;
}
