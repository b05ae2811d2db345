using System.Diagnostics;
using System.Text;
using Lux.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace Lux.Tests.Incremental;

/// <summary>
/// An IDE session of days, compressed: one generator driver and one analyzer instance see 10,000 edits, each a new
/// text (so every content-keyed cache meets content it has not seen), alternating between a host and a feature.
/// Lux's process-wide caches (ParseCache, CheckedHosts, the per-compilation LuxSymbols) must not grow with the
/// number of edits.
/// <para>
/// Roslyn itself keeps a little per new text (its shared string table fills as new literals are lexed), so a
/// control run of the same edits, running neither the generator nor the analyzer, goes first.
/// </para>
/// </summary>
[Collection(nameof(LongSessionMemoryTests))] // alone: another test's allocations would blur the measurement
public sealed class LongSessionMemoryTests(ITestOutputHelper output)
{
    private const int Edits = 10_000;
    private const int Warmup = 1_000;

    [Fact]
    public async Task Ten_thousand_edits_leave_memory_flat()
    {
        // First the same edits without Lux: Roslyn's process-wide tables (its shared string table, filled as new
        // literals are lexed) then already hold these texts, and what the second session adds is Lux's.
        var control = await Session(runLux: false);
        var lux = await Session(runLux: true);

        output.WriteLine($"{Edits} edits with the generator and the analyzer in {lux.Elapsed.TotalSeconds:F0} s: managed heap " +
            $"{Mb(lux.WarmHeap)} MB after {Warmup}, {Mb(lux.Heap)} MB after {Edits}; working set {Mb(lux.WarmWorkingSet)} → {Mb(lux.WorkingSet)} MB. " +
            $"The same edits before, without Lux: heap {Mb(control.WarmHeap)} → {Mb(control.Heap)} MB.");
        // A spec, tree or compilation kept per edit would add ten megabytes or more over 9,000 edits.
        (lux.Heap - lux.WarmHeap).Should().BeLessThan(3 * 1048576L, "Lux's process-wide caches must not grow with the number of edits");
    }

    private sealed record Measurement(long WarmHeap, long Heap, long WarmWorkingSet, long WorkingSet, TimeSpan Elapsed);

    private static async Task<Measurement> Session(bool runLux)
    {
        var harness = new IncrementalHarness();
        var analyzer = new LuxAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(harness.AdditionalTexts), onAnalyzerException: null,
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var driver = harness.CreateDriver();
        // Each edit's compilation is the example fleet's with the two edited trees replaced, so Roslyn's own history
        // of edits (a chain of changed texts and compilations) is not what is measured.
        var baseline = harness.Compilation;
        var (hostTree, featureTree) = (harness.Tree("Orion.cs"), harness.Tree("PrimaryUser.cs"));
        var (host, feature) = (hostTree, featureTree);
        long warmHeap = 0, warmWorkingSet = 0;
        var clock = Stopwatch.StartNew();

        for (var edit = 1; edit <= Edits; edit++)
        {
            var editsHost = edit % 2 == 0;
            if (editsHost)
                host = WithLiteral(hostTree, "25.11", edit);
            else
                feature = WithLiteral(featureTree, "networkmanager", edit);
            var compilation = baseline.ReplaceSyntaxTree(hostTree, host).ReplaceSyntaxTree(featureTree, feature);
            if (runLux)
            {
                driver = driver.RunGenerators(compilation);
                var diagnostics = await compilation.WithAnalyzers([analyzer], options)
                    .GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(editsHost ? host : feature), filterSpan: null, CancellationToken.None);
                diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty($"edit {edit} keeps the fleet valid");
            }
            if (edit == Warmup)
                (warmHeap, warmWorkingSet) = Measure();
        }

        var (heap, workingSet) = Measure();
        if (runLux)
        {
            var run = driver.GetRunResult();
            run.Diagnostics.Should().BeEmpty();
            IncrementalHarness.Files(run.Results.Single())["hosts/orion/default.nix"].Should().Contain($"\"25.11-{Edits}\"", "the last edit reached nix-out");
        }
        return new Measurement(warmHeap, heap, warmWorkingSet, workingSet, clock.Elapsed);
    }

    /// <summary>The tree with its one <paramref name="literal"/> string made unique to <paramref name="edit"/>, parsed afresh.</summary>
    private static SyntaxTree WithLiteral(SyntaxTree original, string literal, int edit)
    {
        var text = original.GetText().ToString();
        text.Split($"\"{literal}\"").Length.Should().Be(2, $"\"{literal}\" is in {original.FilePath} once");
        return CSharpSyntaxTree.ParseText(SourceText.From(text.Replace($"\"{literal}\"", $"\"{literal}-{edit}\""), Encoding.UTF8),
            (CSharpParseOptions)original.Options, original.FilePath);
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Runs <see cref="LongSessionMemoryTests"/> while no other test runs.</summary>
[CollectionDefinition(nameof(LongSessionMemoryTests), DisableParallelization = true)]
public sealed class LongSessionMemoryCollection;
