using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Basic.Reference.Assemblies;
using Lux.Generators;
using Lux.Generators.Diagnostics;
using Lux.Generators.Emit;
using Lux.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Lux.Tests.Robustness;

/// <summary>What one mutant did: generated cleanly, or was stopped by C# or Lux errors.</summary>
internal enum MutantOutcome
{
    Generated,
    CompilerErrors,
    LuxErrors,
}

/// <summary>
/// Runs the generator and the analyzer on mutants of the example fleet. The fleet is parsed once and each
/// mutant replaces one syntax tree of the shared compilation, so references and the other trees are reused;
/// the generator driver that ran on the unmutated fleet runs each mutant incrementally, as in the IDE.
/// </summary>
internal sealed partial class MutationHarness
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Preview);

    private readonly CSharpCompilation _compilation;
    private readonly Dictionary<string, SyntaxTree> _trees;
    private readonly GeneratorDriver _driver;
    private readonly ImmutableArray<AdditionalText> _additionalFiles;

    public MutationHarness()
    {
        Sources = ExampleFleet.Sources().Select(s => (s.Path, s.Text)).ToList();
        _trees = Sources.ToDictionary(s => s.Path, s => CSharpSyntaxTree.ParseText(s.Text, s_parseOptions, s.Path));
        _compilation = CSharpCompilation.Create("Lux.Config", _trees.Values,
            Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Host).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _additionalFiles = ExampleFleet.NixFiles().Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
        _driver = CSharpGeneratorDriver.Create([new NixGenerator().AsSourceGenerator()], _additionalFiles, s_parseOptions)
            .RunGenerators(_compilation);
    }

    /// <summary>The unmutated fleet's sources: (path, text).</summary>
    public IReadOnlyList<(string Path, string Text)> Sources { get; }

    /// <summary>Runs one mutant; returns what it did, every broken promise (empty when Lux behaved) and its nix-out.</summary>
    public (MutantOutcome Outcome, List<string> Problems, IReadOnlyDictionary<string, string> Files) Run(string path, string text)
    {
        var problems = new List<string>();
        var compilation = _compilation.ReplaceSyntaxTree(_trees[path], CSharpSyntaxTree.ParseText(text, s_parseOptions, path));

        // The generator: no exception, no CS8784/CS8785, and sources that are C#.
        var result = _driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var generatorDiagnostics).GetRunResult();
        foreach (var run in result.Results.Where(r => r.Exception is not null))
            problems.Add("generator threw " + run.Exception);
        foreach (var diagnostic in generatorDiagnostics.Where(d => d.Id is "CS8784" or "CS8785"))
            problems.Add("generator failed: " + diagnostic);
        foreach (var tree in result.GeneratedTrees)
        {
            foreach (var error in tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
                problems.Add("generated source " + Path.GetFileName(tree.FilePath) + " is not C#: " + error);
        }

        var (files, listed, manifestErrors) = Decode(result, problems);

        // The analyzer, with the compiler's own diagnostics in the same pass: no AD0001, no LUX0000.
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(_additionalFiles), (e, _, _) => exceptions.Add(e),
            concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers([new LuxAnalyzer()], options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        problems.AddRange(exceptions.Select(e => "analyzer threw " + e));
        problems.AddRange(diagnostics.Where(d => d.Id is "AD0001" or "LUX0000").Select(d => "analyzer reported " + d));
        problems.AddRange(manifestErrors.Where(e => e.Contains("LUX0000", StringComparison.Ordinal)).Select(e => "generator reported " + e));

        var luxErrors = diagnostics.Where(d => d.Id.StartsWith("LUX", StringComparison.Ordinal)).ToList();
        var compilerErrors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("LUX", StringComparison.Ordinal)).ToList();

        // Errors block writing: whatever the IDE shows as a Lux error, the manifest carries, and the other way round.
        if (luxErrors.Count > 0 && manifestErrors.Count == 0)
            problems.Add("the analyzer reports " + luxErrors[0] + " but the manifest has no error, so nix-out would be written");
        if (manifestErrors.Count > 0 && luxErrors.Count == 0)
            problems.Add("the manifest has the error " + manifestErrors[0] + " that the IDE never shows");

        // Every file the manifest lists travels with it, and no other.
        if (!listed.Order(StringComparer.Ordinal).SequenceEqual(files.Keys.Order(StringComparer.Ordinal)))
            problems.Add("the manifest lists [" + string.Join(", ", listed) + "] but the generator produced [" + string.Join(", ", files.Keys) + "]");

        if (luxErrors.Count > 0 || manifestErrors.Count > 0)
            return (MutantOutcome.LuxErrors, problems, files);
        if (compilerErrors.Count > 0)
            return (MutantOutcome.CompilerErrors, problems, files);
        problems.AddRange(Incomplete(compilation, files));
        return (MutantOutcome.Generated, problems, files);
    }

    /// <summary>What a clean nix-out is missing: a host module for every [Host], and every file a module imports.</summary>
    private static IEnumerable<string> Incomplete(Compilation compilation, IReadOnlyDictionary<string, string> files)
    {
        if (!files.TryGetValue("flake.nix", out var flake))
        {
            yield return "no flake.nix";
            yield break;
        }
        var hosts = FlakeHost().Matches(flake).Select(m => m.Groups[1].Value).ToList();
        var declared = compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type)
            .Count(t => t.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "Lux.HostAttribute"));
        if (hosts.Count != declared)
            yield return $"{declared} [Host] records but flake.nix lists {hosts.Count} hosts";
        foreach (var host in hosts)
        {
            if (!files.TryGetValue($"hosts/{host}/default.nix", out var module))
            {
                yield return $"flake.nix lists {host} but hosts/{host}/default.nix is missing";
                continue;
            }
            foreach (Match import in ModuleImport().Matches(module))
            {
                if (!files.ContainsKey($"hosts/{host}/{import.Groups[1].Value}"))
                    yield return $"hosts/{host}/default.nix imports ./{import.Groups[1].Value}, which is missing";
            }
        }
    }

    private static (Dictionary<string, string> Files, List<string> Listed, List<string> Errors) Decode(GeneratorDriverRunResult result, List<string> problems)
    {
        var decoded = GeneratedSources.Of(result);
        problems.AddRange(decoded.Problems.Select(p => "the generated source " + p));
        var files = new Dictionary<string, string>(decoded.Files, StringComparer.Ordinal);
        var listed = new List<string>();
        var errors = new List<string>();
        if (decoded.Manifest is { } manifest)
        {
            // Policy errors block writing too (unless suppressed with analyzers on), so they count as errors here.
            listed.AddRange(manifest.Paths);
            errors.AddRange(manifest.Errors);
            errors.AddRange(manifest.PolicyErrors);
        }
        else
        {
            problems.Add("no manifest");
        }
        foreach (var (subject, record) in decoded.Records)
        {
            // lux explain's records are not nix-out, but every mutant's must read back.
            if (subject == "index" ? ExplainRecordFormat.ReadIndex(record) is null : ExplainRecordFormat.ReadHost(record) is null)
                problems.Add("the explain record of " + subject + " does not read back");
        }
        return (files, listed, errors);
    }

    [GeneratedRegex(@"^\s*\S+ = host \./hosts/([^;\s]+);", RegexOptions.Multiline)]
    private static partial Regex FlakeHost();

    [GeneratedRegex(@"\./((?:home/[^\s\]]+\.nix)|hardware-configuration\.nix)")]
    private static partial Regex ModuleImport();

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
