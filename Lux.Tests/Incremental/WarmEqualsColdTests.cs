using Lux.Generators.Diagnostics;
using Lux.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lux.Tests.Incremental;

/// <summary>
/// What caching must never change: after any edit, the warm generator (its steps and the parse cache kept
/// from the run before) generates exactly what a cold run on the edited sources does, and the analyzer
/// reports per document exactly the whole fleet's diagnostics that point into it.
/// </summary>
public sealed class WarmEqualsColdTests
{
    public static TheoryData<string, string, string, string> Edits => new()
    {
        { "a literal in a host", "Polaris.cs", "165.0", "144.0" },
        { "a constant another file folds", "Keys.cs", "u12T kiri\"", "u12T kiri@laptop\"" },
        { "a new member in a host", "Polaris.cs", "public override Displays Displays =>", "public override string System => \"aarch64-linux\";\n\n    public override Displays Displays =>" },
        { "a profile's includes", "Graphical.cs", "[new Niri(), new Desktop(), new NetworkManager()]", "[new Niri(), new Desktop()]" },
        { "a user's fact", "Kiri.cs", "\"Kiri\"", "\"Kiri K.\"" },
        { "a feature's gate", "OpenSsh.cs", "PermitRootLogin = PermitRootLogin.No", "PermitRootLogin = PermitRootLogin.ProhibitPassword" },
        { "a host another declaration creates", "Orion.cs", "new Development(), ", "" },
        { "a conflict made in a host", "Zenith.cs", "{ Scale = 1.75 }];", "{ Scale = 1.75 }];\n\n    [PerHost]\n    void Exception(NixOS os) => os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.Yes;" },
        { "a renamed host", "Zenith.cs", "public sealed record Zenith : Host\n{", "public sealed record Zenith : Host\n{\n    public override string Name => \"orion\";\n" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void A_warm_run_after_an_edit_generates_what_a_cold_run_does(string edit, string file, string before, string after)
    {
        var harness = new IncrementalHarness(IncrementalHarness.BackupsToOrion);
        var warm = harness.CreateDriver().RunGenerators(harness.Compilation);
        var original = IncrementalHarness.Files(warm.GetRunResult().Results.Single());
        var edited = harness.Edit(file, before, after);

        var warmResult = warm.RunGenerators(edited).GetRunResult().Results.Single();
        // Cold: every tree parsed anew, so nothing of the earlier runs can be reused.
        var cold = LuxRun.CreateCompilation(edited.SyntaxTrees.Select(t => (t.FilePath, t.GetText().ToString())));
        var coldResult = harness.CreateDriver().RunGenerators(cold).GetRunResult().Results.Single();

        (warmResult.Exception is null).Should().Be(coldResult.Exception is null, edit);
        IncrementalHarness.Files(warmResult).Should().Equal(IncrementalHarness.Files(coldResult), edit);
        Manifest(warmResult).Should().Be(Manifest(coldResult), edit);
        var changesSomething = !IncrementalHarness.Files(warmResult).SequenceEqual(original) || Manifest(warmResult) is not { } manifest ||
            manifest.Contains("// lux-error: ", StringComparison.Ordinal);
        changesSomething.Should().BeTrue($"the edit ({edit}) must change nix-out or its errors, or it tests nothing");
        Format(harness.AnalyzerDiagnostics(edited)).Should().Equal(Format(harness.AnalyzerDiagnostics(cold)), edit);
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Each_document_gets_the_whole_fleets_diagnostics_that_point_into_it(string edit, string file, string before, string after)
    {
        var harness = new IncrementalHarness(IncrementalHarness.BackupsToOrion);
        var compilation = harness.Edit(file, before, after);

        // The reference: every host resolved and every diagnostic of the fleet, unscoped (what the compilation end reports from).
        var whole = new FleetAnalysis(compilation, harness.AdditionalTexts, CancellationToken.None).All;

        foreach (var tree in compilation.SyntaxTrees)
        {
            var analyzer = compilation.WithAnalyzers([new LuxAnalyzer()], new AnalyzerOptions(harness.AdditionalTexts));
            var reported = await analyzer.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None);
            var expected = whole.Where(d => d.Span.Path == tree.FilePath)
                .Select(d => $"{d.Id} {d.Span.Start} {d.Message}").ToList();
            Format(reported).Should().Equal(expected, $"{edit}: {Path.GetFileName(tree.FilePath)}");
        }
    }

    /// <summary>The manifest, or null when the run made no fleet source.</summary>
    private static string? Manifest(GeneratorRunResult result) => GeneratedSources.Of(result.GeneratedSources).ManifestText;

    private static List<string> Format(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Location.IsInSource)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ThenBy(d => d.GetMessage(), StringComparer.Ordinal)
            .Select(d => $"{d.Id} {d.Location.SourceSpan.Start} {d.GetMessage()}").ToList();
}
