using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Lux.Benchmarks;

/// <summary>
/// Few iterations: an L cold run takes seconds and the machine has two cores. Medians, not means,
/// are what docs/performance.md quotes. Pass --job short (or any BenchmarkDotNet option) to override.
/// </summary>
public sealed class LuxBenchmarkConfig : ManualConfig
{
    public LuxBenchmarkConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(9).WithId("Lux"));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        AddDiagnoser(MemoryDiagnoser.Default);
        HideColumns(Column.Error, Column.StdDev);
    }
}
