using System.Collections.Immutable;
using System.Text;
using Basic.Reference.Assemblies;
using Lux.Generators;
using Lux.Generators.Diagnostics;
using Lux.Generators.Parse;
using Lux.Generators.Steps;
using Lux.Generators.Transport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Lux.Benchmarks.Fleets;

/// <summary>
/// A fleet compiled in-process as the compiler would in its config project: parsed once, with hermetic
/// reference assemblies, its hardware modules as AdditionalFiles and build_property.projectdir set.
/// Also holds the edited host's syntax tree after the one-literal edit, reparsed incrementally as an
/// editor would.
/// </summary>
public sealed class LuxHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(Host).Assembly.Location)];

    private readonly ProjectDirectoryOptions options;
    private readonly TextChange editChange;

    public LuxHarness(Fleet fleet)
    {
        Fleet = fleet;
        var trees = fleet.Sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), ParseOptions, s.Path)).ToImmutableArray();
        Compilation = CSharpCompilation.Create("Fleet", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        AdditionalTexts = [.. fleet.NixFiles.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text))];
        options = new ProjectDirectoryOptions(fleet.ProjectDirectory);

        HostTree = trees.Single(t => t.FilePath == fleet.Edit.Path);
        var at = HostTree.GetText().ToString().IndexOf(fleet.Edit.Before, StringComparison.Ordinal);
        editChange = new TextChange(new TextSpan(at, fleet.Edit.Before.Length), fleet.Edit.After);
    }

    public Fleet Fleet { get; }

    public CSharpCompilation Compilation { get; }

    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    /// <summary>The host the warm benchmarks edit, before the edit.</summary>
    public SyntaxTree HostTree { get; }

    /// <summary>
    /// What the IDE has after the keystroke: the edited host's tree, reparsed incrementally from the
    /// original, and a new compilation with it. Each call makes a new tree, as each keystroke does.
    /// </summary>
    public (CSharpCompilation Compilation, SyntaxTree Tree) Edit()
    {
        var tree = HostTree.WithChangedText(HostTree.GetText().WithChanges(editChange));
        return (Compilation.ReplaceSyntaxTree(HostTree, tree), tree);
    }

    public GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new NixGenerator().AsSourceGenerator()], AdditionalTexts, ParseOptions, options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>
    /// A generator run as a build's: a new driver on a compilation with no bound state, and no specs kept
    /// from earlier runs (a build's compiler process has parsed every tree anew, so none would match).
    /// </summary>
    public GeneratorDriver ColdDriver()
    {
        ParseCache.Clear();
        CheckedHosts.Clear();
        return CreateDriver().RunGenerators(Compilation.Clone());
    }

    public CompilationWithAnalyzers WithAnalyzer(Compilation compilation) =>
        compilation.WithAnalyzers([new LuxAnalyzer()],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(AdditionalTexts), onAnalyzerException: null,
                concurrentAnalysis: false, logAnalyzerExecutionTime: false));

    /// <summary>The Lux diagnostics the IDE shows for the edited host's document, on a fresh compilation.</summary>
    public ImmutableArray<Diagnostic> AnalyzeEditedHost()
    {
        var (compilation, tree) = Edit();
        return AnalyzeDocument(compilation, tree);
    }

    /// <summary>The Lux diagnostics of one document (a semantic-model analysis of the tree, as the IDE requests).</summary>
    public ImmutableArray<Diagnostic> AnalyzeDocument(Compilation compilation, SyntaxTree tree) =>
        WithAnalyzer(compilation).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None)
            .GetAwaiter().GetResult();

    /// <summary>nix-out as a generator run produced it (path → text), and the errors that block writing it.</summary>
    public static (SortedDictionary<string, string> Files, List<string> Errors) Decode(GeneratorDriverRunResult result)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var generated in result.Results.SelectMany(r => r.GeneratedSources))
        {
            if (!GeneratedSourceFormat.TryDecode(generated.SourceText.ToString(), out var source, out var problem))
                throw new InvalidOperationException(generated.HintName + " does not decode: " + problem);
            foreach (var entry in source.Entries)
            {
                if (entry.Kind == GeneratedSourceFormat.FileKind)
                {
                    files[entry.Path!] = entry.Text;
                }
                else if (entry.Kind == GeneratedSourceFormat.ManifestKind)
                {
                    if (!GeneratedSourceFormat.TryDecodeManifest(entry.Text, out var manifest))
                        throw new InvalidOperationException("The manifest does not decode");
                    errors.AddRange(manifest.Errors);
                }
            }
        }
        foreach (var exception in result.Results.Select(r => r.Exception).OfType<Exception>())
            errors.Add("generator exception: " + exception);
        return (files, errors);
    }

    /// <summary>Fails unless the fleet compiles, generates without errors and its analyzer is quiet: a benchmark of a broken fleet measures nothing.</summary>
    public void Verify()
    {
        var compilerErrors = Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (compilerErrors.Count > 0)
            throw new InvalidOperationException(Fleet.Name + " does not compile:\n" + string.Join("\n", compilerErrors));
        var (files, errors) = Decode(CreateDriver().RunGenerators(Compilation.Clone()).GetRunResult());
        if (errors.Count > 0 || files.Count == 0)
            throw new InvalidOperationException(Fleet.Name + " does not generate cleanly:\n" + string.Join("\n", errors.Take(5)));
        var analyzer = AnalyzeEditedHost();
        if (analyzer.Length > 0)
            throw new InvalidOperationException(Fleet.Name + " has analyzer diagnostics:\n" + string.Join("\n", analyzer.Take(5)));
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        private readonly SourceText source = SourceText.From(text, Encoding.UTF8);

        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => source;
    }

    private sealed class ProjectDirectoryOptions(string projectDirectory) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(projectDirectory);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options(string projectDirectory) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = key == "build_property.projectdir" ? projectDirectory : "";
                return key == "build_property.projectdir";
            }
        }
    }
}
