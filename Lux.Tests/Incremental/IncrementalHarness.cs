using System.Collections.Immutable;
using Lux.Generators;
using Lux.Generators.Diagnostics;
using Lux.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Lux.Tests.Incremental;

/// <summary>
/// The example fleet compiled once, a generator driver that tracks its incremental steps (as
/// NetEscapades.EnumGenerators' TestHelpers and dotnet/runtime's JsonSourceGeneratorIncrementalTests do),
/// and edits made as an editor makes them: a changed tree replaced in the compilation.
/// </summary>
internal sealed class IncrementalHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>A feature that reads another host's facts: every host's context then holds that host.</summary>
    public const string BackupsToOrion = """
        namespace Lux.Config;

        [Feature]
        public sealed record Backups : Feature
        {
            [PerHost]
            void Target(Host host, NixOS os) => os.SetUnchecked("services.backup.target", new Orion().Name + ":/backups/" + host.Name);
        }
        """;

    public IncrementalHarness(params string[] extraSources)
    {
        Compilation = LuxRun.CreateCompilation(ExampleFleet.Sources()
            .Concat(extraSources.Select((text, i) => (ExampleFleet.ProjectDirectory + "Extra" + i + ".cs", text))));
        AdditionalTexts = ExampleFleet.NixFiles().Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
    }

    public CSharpCompilation Compilation { get; }

    public ImmutableArray<AdditionalText> AdditionalTexts { get; }

    public GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new NixGenerator().AsSourceGenerator()], AdditionalTexts, ParseOptions, new ProjectDirectoryOptions(ExampleFleet.ProjectDirectory),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public SyntaxTree Tree(string fileName) => Compilation.SyntaxTrees.Single(t => Path.GetFileName(t.FilePath) == fileName);

    /// <summary>The compilation with <paramref name="before"/> replaced by <paramref name="after"/> (once) in one file, reparsed incrementally.</summary>
    public CSharpCompilation Edit(string fileName, string before, string after) => Edit(Compilation, fileName, before, after);

    public static CSharpCompilation Edit(CSharpCompilation compilation, string fileName, string before, string after)
    {
        var tree = compilation.SyntaxTrees.Single(t => Path.GetFileName(t.FilePath) == fileName);
        var text = tree.GetText();
        var at = text.ToString().IndexOf(before, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"'{before}' is in {fileName}");
        text.ToString().IndexOf(before, at + 1, StringComparison.Ordinal).Should().Be(-1, $"'{before}' is in {fileName} once");
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(at, before.Length), after)));
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    /// <summary>The generator's own tracked steps (by <see cref="TrackingNames"/>), not Roslyn's internal ones.</summary>
    public static IEnumerable<(string Name, IncrementalGeneratorRunStep Step)> LuxSteps(GeneratorRunResult result) =>
        result.TrackedSteps.Where(s => s.Key.StartsWith("Lux.", StringComparison.Ordinal)).SelectMany(s => s.Value.Select(step => (s.Key, step)));

    /// <summary>Every AddSource output of a run, with why it is there: New or Modified ones were (re)added, Cached ones kept.</summary>
    public static IEnumerable<(object Value, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRunResult result) =>
        result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs);

    /// <summary>nix-out path → text, decoded from the run's generated sources.</summary>
    public static IReadOnlyDictionary<string, string> Files(GeneratorRunResult result) => GeneratedSources.Of(result.GeneratedSources).Files;

    public ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation) =>
        compilation.WithAnalyzers([new LuxAnalyzer()], new AnalyzerOptions(AdditionalTexts)).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}
