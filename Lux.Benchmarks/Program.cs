using BenchmarkDotNet.Running;
using Lux.Benchmarks;
using Lux.Benchmarks.Fleets;

// Run in Release: dotnet run -c Release --project Lux.Benchmarks -- <command>
switch (args.FirstOrDefault())
{
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args[1..]);
        return 0;
    case "timing":
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(15);
        var sizes = args[1..].TakeWhile(a => a != "--runs").DefaultIfEmpty("S").ToList();
        QuickTiming.Run(sizes.Count == 1 && sizes[0] == "all" ? ["S", "M", "L"] : sizes, runs);
        return 0;
    case "stages":
        StageAllocations.Run(args[1..].DefaultIfEmpty("L").ToList());
        return 0;
    case "dump" when args.Length == 3:
        FleetFiles.DumpNixOut(Fleet.Named(args[1]), args[2]);
        return 0;
    case "project" when args.Length == 3:
        FleetFiles.WriteProjects(Fleet.Named(args[1]), args[2]);
        return 0;
    default:
        Console.Error.WriteLine("""
            Lux benchmarks. Commands:
              bdn [BenchmarkDotNet options]   BenchmarkDotNet, e.g. bdn --filter '*' (GeneratorBenchmarks, AnalyzerBenchmarks)
              timing <S|M|L|XL|all>... [--runs N] quick medians: generator cold and warm, analyzer, re-emitted outputs
              stages <S|M|L|XL>...             a cold run's time and allocations by stage (LUX_TYPES=1: and by type)
              dump <S|M|L|XL> <dir>            write the fleet's nix-out (and its manifest errors) into <dir>
              project <S|M|L|XL> <dir>         write the fleet as two config projects, <dir>/connected (Lux's generator
                                               and analyzers) and <dir>/disconnected (same sources, no Lux), for benchmarks/e2e.sh
            """);
        return 2;
}
