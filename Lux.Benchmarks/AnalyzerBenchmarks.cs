using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Lux.Benchmarks.Fleets;
using Microsoft.CodeAnalysis;

namespace Lux.Benchmarks;

/// <summary>
/// What the IDE runs for the document you type in: the Lux analyzer on the edited host's document, on a
/// fresh compilation that has the edit. <see cref="CompilerOnly"/> is the compiler's own semantic
/// diagnostics for the same document, for scale.
/// </summary>
[Config(typeof(LuxBenchmarkConfig))]
public class AnalyzerBenchmarks
{
    private LuxHarness harness = null!;

    [Params("S", "M", "L")]
    public string Size { get; set; } = "S";

    [GlobalSetup]
    public void Setup()
    {
        harness = new LuxHarness(Fleet.Named(Size));
        harness.Verify();
    }

    [Benchmark]
    public ImmutableArray<Diagnostic> OneHostDocument() => harness.AnalyzeEditedHost();

    [Benchmark(Baseline = true)]
    public ImmutableArray<Diagnostic> CompilerOnly()
    {
        var (compilation, tree) = harness.Edit();
        return compilation.GetSemanticModel(tree).GetDiagnostics();
    }
}
