using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using Lux.Benchmarks.Fleets;
using Lux.Generators.Check;
using Lux.Generators.Check.SshRecovery;
using Lux.Generators.Emit;
using Lux.Generators.Model;
using Lux.Generators.Parse;
using Lux.Generators.Resolve;
using Lux.Generators.Steps;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lux.Benchmarks;

/// <summary>
/// Where a cold run's time and allocations go, stage by stage: the generator's stages called one after the other on
/// one thread (as the driver runs them), each wrapped in <see cref="GC.GetAllocatedBytesForCurrentThread"/> and a
/// stopwatch, then the whole generator for comparison (what is left is Roslyn's: the driver, adding the sources).
/// With <c>LUX_TYPES=1</c>, also the types allocated, from the runtime's allocation ticks (one per ≈ 100 KB); with
/// <c>LUX_TYPES=</c> a word of a stage's name, only that stage's.
/// </summary>
internal static class StageAllocations
{
    public static void Run(IReadOnlyList<string> sizes)
    {
        foreach (var size in sizes)
        {
            var harness = new LuxHarness(Fleet.Named(size));
            Measure(harness); // the JIT's run
            using var types = Environment.GetEnvironmentVariable("LUX_TYPES") is { } only ? new AllocationTypes(only == "1" ? "" : only) : null;
            var stages = Measure(harness, types);
            Console.WriteLine($"{size} (load average {QuickTiming.LoadAverage()}):");
            Console.WriteLine("| Stage | ms | MB |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (name, ms, mb) in stages)
                Console.WriteLine($"| {name} | {ms.ToString("0.0", CultureInfo.InvariantCulture)} | {mb.ToString("0.00", CultureInfo.InvariantCulture)} |");
            Console.WriteLine();
            Console.WriteLine("| Analyzer on a feature's document (OpenSsh.cs), after an edit to a host, by part | fastest of 5 (ms) | MB (this thread) |");
            Console.WriteLine("|---|---:|---:|");
            harness.ColdDriver(); // what the generator leaves for the analyzer, as in a build or the IDE
            AnalyzerParts(harness); // the JIT's run, which also resolves the edited host
            // The fastest of five runs: on a shared machine the minimum is the figure least disturbed by other jobs.
            var runs = Enumerable.Range(0, 5).Select(_ => AnalyzerParts(harness)).ToList();
            for (var i = 0; i < runs[0].Count; i++)
            {
                var ms = runs.Min(r => r[i].Ms);
                Console.WriteLine($"| {runs[0][i].Part} | {ms.ToString("0.00", CultureInfo.InvariantCulture)} | {runs[0][i].MB.ToString("0.00", CultureInfo.InvariantCulture)} |");
            }
            if (types is not null)
            {
                foreach (var (stage, top) in types.TopByStage(12))
                {
                    Console.WriteLine($"{stage}: types allocated (sampled, MB)");
                    foreach (var (type, bytes) in top)
                        Console.WriteLine($"  {bytes / 1024.0 / 1024.0,8:0.0}  {type}");
                }
            }
        }
    }

    private static List<(string Stage, double Ms, double MB)> Measure(LuxHarness harness, AllocationTypes? types = null)
    {
        var stages = new Dictionary<string, (double Ms, double MB)>();
        T Stage<T>(string name, Func<T> run)
        {
            types?.Enter(name);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            var result = run();
            types?.Enter(null);
            var ms = stopwatch.Elapsed.TotalMilliseconds;
            var mb = (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / 1024.0;
            stages[name] = stages.TryGetValue(name, out var sum) ? (sum.Ms + ms, sum.MB + mb) : (ms, mb);
            return result;
        }

        ParseCache.Clear();
        CheckedHosts.Clear();
        var compilation = harness.Compilation.Clone();
        var declarations = Stage("Parse (binding included)", () =>
        {
            var all = new List<DeclarationSpec>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var type in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                             .OfType<TypeDeclarationSyntax>().Where(t => FleetDeclarations.IsCandidate(t, default)))
                    all.AddRange(DeclarationParser.ParseAll(type, model, default));
            }
            return all;
        });
        var context = Stage("Context", () => FleetInputs.Context(declarations, harness.Fleet.NixFiles.Select(f => f.Path), harness.Fleet.ProjectDirectory));
        var maps = new List<(string, string, HostMap)>();
        foreach (var spec in declarations.Where(d => d.Kind == DeclarationKind.Host))
        {
            var evaluator = context.CreateEvaluator(spec);
            var host = Stage("host: Resolve (Evaluate, OptionMerger)", () => FleetResolver.Resolve(spec, evaluator, context.NixFiles, SshRecoveryPolicy.AssertionsDefinition));
            var diagnostics = Stage("host: Check", () =>
            {
                var fleet = new ResolvedFleet { Evaluator = evaluator, Secrets = FleetInputs.SecretsPolicy(context, evaluator), Declarations = context.Declarations };
                fleet.Hosts.Add(host);
                return FleetChecks.CheckHosts(fleet);
            });
            var paths = new RelativePaths(context.ProjectDirectory);
            Stage("host: Emit nix (FleetEmitter)", () => FleetEmitter.EmitHost(host, paths));
            Stage("host: Emit bootstrap", () => BootstrapScript.Emit(host));
            var explanation = Stage("host: Emit explain record: the model", () => ExplainEmitter.Explain(host, diagnostics, paths));
            Stage("host: Emit explain record: written", () => ExplainRecordFormat.Write(explanation));
            var map = Stage("host: HostMap", () => HostMap.Of(host, diagnostics));
            maps.Add((host.Name, spec.TypeName, map));
        }
        Stage("fleet: FleetMap", () => PerFleet.FleetMap(maps).Count);
        Stage("fleet: explain index", () => PerFleet.ExplanationIndex(maps, PerFleet.ExplanationCatalog(context)));
        Stage("fleet: Library", () => PerFleet.Library(context));

        var result = stages.Select(s => (s.Key, s.Value.Ms, s.Value.MB)).ToList();
        result.Add(("sum of the stages", stages.Values.Sum(s => s.Ms), stages.Values.Sum(s => s.MB)));
        var wholeBefore = GC.GetAllocatedBytesForCurrentThread();
        var whole = Stopwatch.StartNew();
        harness.ColdDriver();
        result.Add(("the whole generator, cold (driver and AddSource included)", whole.Elapsed.TotalMilliseconds,
            (GC.GetAllocatedBytesForCurrentThread() - wholeBefore) / 1024.0 / 1024.0));
        return result;
    }

    /// <summary>
    /// What <see cref="Generators.Diagnostics.FleetAnalysis"/> does for a feature's document, part by part, on a compilation after a
    /// host's edit (every host's findings kept from the generator's run and the first analysis), and the whole analysis for comparison.
    /// </summary>
    private static List<(string Part, double Ms, double MB)> AnalyzerParts(LuxHarness harness)
    {
        var parts = new List<(string, double, double)>();
        T Part<T>(string name, Func<T> run)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            var result = run();
            parts.Add((name, stopwatch.Elapsed.TotalMilliseconds, (GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / 1024.0));
            return result;
        }

        var compilation = harness.Edit().Compilation;
        var declarations = Part("every declaration (FleetDeclarations.In, parse cache hits)", () => FleetDeclarations.In(compilation, default));
        var nixFiles = harness.AdditionalTexts.Select(t => t.Path).Order(StringComparer.Ordinal).ToList();
        var context = Part("context and library", () =>
        {
            var made = FleetInputs.Context(declarations, nixFiles, "");
            PerFleet.Library(made, emitSops: false);
            return made;
        });
        var hosts = declarations.Where(d => d.Kind == DeclarationKind.Host).ToList();
        var findings = Part("every host's findings (CheckedHosts)", () => hosts.Select(h => PerHost.Findings(h, context)).ToList());
        var texts = harness.AdditionalTexts.ToDictionary(t => t.Path);
        Part("every host's hardware module judged (its text read)", () => findings.Count(f => f.Hardware is { } module &&
            Outgoing.Hardware(module, texts[module.SourcePath].GetText()?.ToString()).Withheld is not null));
        var feature = compilation.SyntaxTrees.First(t => t.FilePath.EndsWith("OpenSsh.cs", StringComparison.Ordinal));
        Part("the whole analysis of the feature's document", () => harness.AnalyzeDocument(compilation, feature));
        var host = harness.Edit();
        Part("the whole analysis of the edited host's document", () => harness.AnalyzeDocument(host.Compilation, host.Tree));
        Part("the compiler alone, the edited host's document", () => host.Compilation.GetSemanticModel(host.Tree).GetDiagnostics());
        return parts;
    }

    /// <summary>The runtime's allocation ticks, summed by type: which objects make up the megabytes.</summary>
    private sealed class AllocationTypes : EventListener
    {
        private readonly Dictionary<(string Stage, string Type), long> bytes = new();
        private readonly string only;
        private volatile string? current;

        public AllocationTypes(string only) => this.only = only;

        /// <summary>Counts while a stage whose name holds the word runs (every stage for an empty word).</summary>
        public void Enter(string? stage) => current = stage is not null && stage.Contains(only, StringComparison.Ordinal) ? stage : null;

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick at verbose level
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (current is not { } stage || e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
                return;
            var type = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? e.Payload[i] as string ?? "?" : "?";
            var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var j and >= 0 ? Convert.ToInt64(e.Payload[j], CultureInfo.InvariantCulture) : 100_000;
            lock (bytes)
                bytes[(stage, type)] = bytes.GetValueOrDefault((stage, type)) + amount;
        }

        public List<(string Stage, List<(string Type, long Bytes)> Top)> TopByStage(int count)
        {
            lock (bytes)
            {
                return bytes.GroupBy(b => b.Key.Stage).OrderByDescending(g => g.Sum(b => b.Value))
                    .Select(g => (g.Key, g.OrderByDescending(b => b.Value).Take(count).Select(b => (b.Key.Type, b.Value)).ToList())).ToList();
            }
        }
    }
}
