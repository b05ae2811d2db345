using Lux.Generators.Check;
using Lux.Generators.Diagnostics;
using Lux.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Lux.Tests.Policy;

public sealed class HarnessAndSafetyTests
{
    [Fact]
    public async Task The_verifiers_reference_assemblies_resolve_nothing_so_nothing_is_downloaded()
    {
        // No package and no reference-assembly package: Microsoft.CodeAnalysis.Testing has nothing to fetch;
        // the references come from Basic.Reference.Assemblies (LuxVerifier.Configure).
        var resolved = await LuxVerifier.NoDownload.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        resolved.Should().BeEmpty();
    }

    [Fact]
    public void A_rule_that_throws_becomes_LUX0000_naming_the_rule_not_an_analyzer_crash()
    {
        var diagnostics = RuleChecks.Safely("LUX1002", () => throw new InvalidOperationException("boom")).ToList();
        diagnostics.Should().ContainSingle().Which.Should().Match<DiagnosticInfo>(d =>
            d.Id == "LUX0000" && d.Message.Contains("checking LUX1002") && d.Message.Contains("InvalidOperationException: boom"));
    }

    [Fact]
    public void A_rule_that_throws_lazily_is_caught_too()
    {
        static IEnumerable<DiagnosticInfo> Lazy()
        {
            yield return LuxDiagnostics.OpenSshUndefined.At(SourceSpan.None);
            throw new InvalidOperationException("later");
        }
        RuleChecks.Safely("LUX1001", Lazy).Should().ContainSingle(d => d.Id == "LUX0000");
    }
}
