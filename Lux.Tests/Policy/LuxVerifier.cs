using Basic.Reference.Assemblies;
using Lux.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Lux.Tests.Policy;

/// <summary>
/// Microsoft.CodeAnalysis.Testing for the Lux analyzer, hermetic: the testing package's own reference
/// assemblies are resolved from NuGet at test time, so the test's <see cref="ReferenceAssemblies"/> names a
/// framework with no packages (nothing to resolve, nothing downloaded) and the real references come from
/// Basic.Reference.Assemblies.Net100, plus Lux.Dsl.
/// </summary>
public static class LuxVerifier
{
    /// <summary>No package, no reference-assembly package: ResolveAsync has nothing to fetch.</summary>
    public static readonly ReferenceAssemblies NoDownload = new("net10.0");

    public const string Usings = "global using Lux; global using Lux.NixOSOptions; global using System.Linq; global using System.Collections.Generic;";

    public static void Configure(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Net100.References.All);
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Host).Assembly.Location));
        state.Sources.Add(("/0/Usings.cs", Usings));
    }

    /// <summary>A Lux diagnostic expected at markup location <paramref name="location"/> (<c>{|#0:...|}</c>) with this message.</summary>
    public static DiagnosticResult Diagnostic(string id, int location, string message) =>
        new DiagnosticResult(id, DiagnosticSeverity.Error).WithLocation(location).WithMessage(message)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    /// <summary>Runs the analyzer on the sources (markup allowed) and checks it reports exactly the expected diagnostics.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(new[] { source }, expected);

    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest();
        foreach (var source in sources)
            test.TestState.Sources.Add(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public sealed class AnalyzerTest : CSharpAnalyzerTest<LuxAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = NoDownload;
            Configure(TestState);
            // An ID has a descriptor per message (Diagnostics/LuxDiagnostics): markup by ID matches any of them.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Preview);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }
}
