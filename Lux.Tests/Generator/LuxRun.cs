using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Lux.Generators;
using Lux.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lux.Tests.Generator;

/// <summary>
/// Runs Lux in-process on C# sources, as the compiler would in a config project: the generator
/// (decoded into nix-out files and manifest errors) and the analyzer (diagnostics), with hermetic
/// reference assemblies.
/// </summary>
public sealed class LuxRun
{
    public const string ProjectDirectory = "/fleet/";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private readonly ImmutableArray<AdditionalText> additionalFiles;

    private LuxRun(CSharpCompilation compilation, GeneratorDriverRunResult result, IReadOnlyDictionary<string, string> files,
        IReadOnlyList<string> manifestErrors, ImmutableArray<Diagnostic> compilerDiagnostics, ImmutableArray<AdditionalText> additionalFiles)
    {
        this.additionalFiles = additionalFiles;
        Compilation = compilation;
        Result = result;
        Files = files;
        ManifestErrors = manifestErrors;
        CompilerDiagnostics = compilerDiagnostics;
    }

    public CSharpCompilation Compilation { get; }

    public ImmutableArray<AdditionalText> AdditionalFiles => additionalFiles;

    public GeneratorDriverRunResult Result { get; }

    /// <summary>nix-out as the generator produced it: path → text.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>The errors that block writing nix-out (the manifest's lux-error lines).</summary>
    public IReadOnlyList<string> ManifestErrors { get; }

    /// <summary>C# compiler errors of the sources themselves (a test source must compile).</summary>
    public ImmutableArray<Diagnostic> CompilerDiagnostics { get; }

    /// <param name="concurrentBuild">False keeps the compiler's work on the calling thread (and its stack), off the thread pool.</param>
    public static CSharpCompilation CreateCompilation(IEnumerable<(string Path, string Text)> sources, bool concurrentBuild = true) =>
        CSharpCompilation.Create("Fleet",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(Host).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: concurrentBuild));

    public static LuxRun Of(params string[] sources) =>
        Of(sources.Select((s, i) => (ProjectDirectory + "File" + i + ".cs", s)));

    public static LuxRun Of(IEnumerable<(string Path, string Text)> sources, IEnumerable<(string Path, string Text)>? additionalFiles = null,
        string projectDirectory = ProjectDirectory, bool concurrentBuild = true)
    {
        var compilation = CreateCompilation(new[] { (projectDirectory + "LuxTestUsings.cs", "global using Lux; global using Lux.NixOSOptions; global using System.Linq; global using System.Collections.Generic;") }.Concat(sources),
            concurrentBuild);
        var additional = (additionalFiles ?? []).Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new NixGenerator().AsSourceGenerator() }, additional, ParseOptions, new ProjectDirectoryOptions(projectDirectory));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult();

        var decoded = GeneratedSources.Of(result);
        decoded.Problems.Should().BeEmpty();
        var files = decoded.Files;
        var errors = new List<string>();
        if (decoded.Manifest is { } manifest)
        {
            // The generator runs alone here, as with -p:RunAnalyzers=false, where policy errors block writing too.
            errors.AddRange(manifest.Errors);
            errors.AddRange(manifest.PolicyErrors);
        }
        var compilerErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new LuxRun(compilation, result, files, errors, compilerErrors, additional);
    }

    /// <summary>The analyzer's diagnostics on the compilation (what the IDE and the build show).</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics()
    {
        var withAnalyzers = Compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LuxAnalyzer()),
            new AnalyzerOptions(AdditionalFiles));
        return withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
