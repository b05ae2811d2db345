using BenchmarkDotNet.Attributes;
using Lux.Benchmarks.Fleets;
using Microsoft.CodeAnalysis;

namespace Lux.Benchmarks;

/// <summary>
/// The generator on S, M and L: a cold run (new driver, fresh compilation: what a build does), and a warm
/// run after a one-literal edit in one host (what the IDE does on a keystroke: the driver keeps its
/// state, the compilation gets the edited tree).
/// </summary>
[Config(typeof(LuxBenchmarkConfig))]
public class GeneratorBenchmarks
{
    private LuxHarness harness = null!;
    private GeneratorDriver warm = null!;

    [Params("S", "M", "L")]
    public string Size { get; set; } = "S";

    [GlobalSetup]
    public void Setup()
    {
        harness = new LuxHarness(Fleet.Named(Size));
        harness.Verify();
        warm = harness.ColdDriver();
    }

    [Benchmark]
    public GeneratorDriver Cold() => harness.ColdDriver();

    [Benchmark]
    public GeneratorDriver WarmOneEdit() => warm.RunGenerators(harness.Edit().Compilation);
}
