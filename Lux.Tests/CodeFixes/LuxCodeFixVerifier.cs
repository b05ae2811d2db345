using Lux.CodeFixes;
using Lux.Generators.Diagnostics;
using Lux.Tests.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Lux.Tests.CodeFixes;

/// <summary>
/// Microsoft.CodeAnalysis.Testing for Lux's code fixes, hermetic as <see cref="LuxVerifier"/>. A test states the
/// source with the diagnostic (markup) and the source after the fix; the framework then checks that the fixed
/// sources compile and that the analyzer reports nothing on them.
/// </summary>
public static class LuxCodeFixVerifier
{
    public sealed class Test : CSharpCodeFixTest<LuxAnalyzer, LuxCodeFixProvider, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = LuxVerifier.NoDownload;
            LuxVerifier.Configure(TestState);
            LuxVerifier.Configure(FixedState);
            // Lux's fixes have no fix-all (see LuxCodeFixProvider.GetFixAllProvider).
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck;
            // An ID has a descriptor per message (Diagnostics/LuxDiagnostics): markup by ID matches any of them.
            MarkupOptions = MarkupOptions.UseFirstDescriptor;
        }

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Preview);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);
    }

    /// <summary>Applies the fix offered for the marked diagnostics (the <paramref name="fix"/>-th when there are several) and compares with <paramref name="fixedSource"/>.</summary>
    public static Task VerifyAsync(string source, string fixedSource, int fix = 0, int iterations = 1) =>
        VerifyAsync([source], [fixedSource], fix, iterations);

    public static Task VerifyAsync(string[] sources, string[] fixedSources, int fix = 0, int iterations = 1)
    {
        var test = new Test { CodeActionIndex = fix, NumberOfIncrementalIterations = iterations, NumberOfFixAllIterations = iterations };
        for (var i = 0; i < sources.Length; i++)
            test.TestState.Sources.Add(("/0/Fleet" + i + ".cs", sources[i]));
        for (var i = 0; i < fixedSources.Length; i++)
            test.FixedState.Sources.Add(("/0/Fleet" + i + ".cs", fixedSources[i]));
        return test.RunAsync();
    }
}
