using Lux.Tests.Generator;
using Microsoft.CodeAnalysis;

namespace Lux.Tests.Incremental;

/// <summary>What the compiler server does differently from an in-process compilation, and broke Lux once.</summary>
public sealed class CompilerServerTests
{
    /// <summary>
    /// In VBCSCompiler the options carry the build's reference resolvers, whose Equals throws
    /// NotImplementedException: comparing options with Equals made every second build fail with LUX0000.
    /// </summary>
    [Fact]
    public void Options_whose_Equals_throws_do_not_fail_the_second_build()
    {
        var harness = new IncrementalHarness();
        CSharpCompilationWithResolver(harness, out var first);
        CSharpCompilationWithResolver(harness, out var second);

        var driver = harness.CreateDriver().RunGenerators(first);
        var result = driver.RunGenerators(second).GetRunResult().Results.Single();

        result.Exception.Should().BeNull();
        harness.AnalyzerDiagnostics(second).Should().BeEmpty();
    }

    private static void CSharpCompilationWithResolver(IncrementalHarness harness, out Compilation compilation) =>
        compilation = LuxRun.CreateCompilation(harness.Compilation.SyntaxTrees.Select(t => (t.FilePath, t.GetText().ToString())))
            .WithOptions(harness.Compilation.Options.WithMetadataReferenceResolver(new ServerLikeResolver()));

    private sealed class ServerLikeResolver : MetadataReferenceResolver
    {
        public override bool Equals(object? other) => throw new NotImplementedException();

        public override int GetHashCode() => throw new NotImplementedException();

        public override System.Collections.Immutable.ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath, MetadataReferenceProperties properties) =>
            System.Collections.Immutable.ImmutableArray<PortableExecutableReference>.Empty;
    }
}
