using Lux.Tests.Generator;
using Microsoft.CodeAnalysis;

namespace Lux.Tests.Robustness;

/// <summary>
/// A value no Nix file can hold (a NUL, half a surrogate pair, NaN, infinity) is LUX0004 at the code that
/// made it, in the IDE (analyzer) and in the build (manifest), and is never emitted.
/// </summary>
public sealed class UnrepresentableValueTests
{
    private const string Host = "[Host] public sealed record Alpha : Host { public override Aspects Includes => [new Probe()]; }";

    public static TheoryData<string, string> Cases => new()
    {
        // statement in a [PerHost] gate, the code the error must point at
        { """os.Users.Users["a"].Description = "x\0y";""", "\"x\\0y\"" },
        { """os.Users.Users["a"].Description = "\uD800";""", "\"\\uD800\"" },
        { """os.Users.Users["a"].Description = "a\uDC00b";""", "\"a\\uDC00b\"" },
        { """os.Users.Users["b\0"].Description = "b";""", "\"b\\0\"" },
        { """os.Users.Users["\uDBFF"].Group = "g";""", "\"\\uDBFF\"" },
        { """os.Users.Users[$"{"n"}\0"].Description = "b";""", "$\"{\"n\"}\\0\"" },
        { """os.SetUnchecked("lux.\"d\0\".e", 1);""", "\"lux.\\\"d\\0\\\".e\"" },
        { """os.SetUnchecked("lux.nan", double.NaN);""", "double.NaN" },
        { """os.SetUnchecked("lux.list", new[] { 1.0, double.PositiveInfinity });""", "new[] { 1.0, double.PositiveInfinity }" },
        { """os.SetUnchecked("lux.object", new[] { "ok", "\0" });""", "new[] { \"ok\", \"\\0\" }" },
        { """os.SetUnchecked("lux.raw", Nix.Raw("pkgs.\0"));""", "Nix.Raw(\"pkgs.\\0\")" },
        { """os.SetUnchecked("lux.forced", Mk.Force("\uDFFF"));""", "Mk.Force(\"\\uDFFF\")" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_value_Nix_cannot_represent_is_LUX0004_at_its_code_in_the_IDE_and_the_build_and_is_never_emitted(string statement, string at)
    {
        var run = LuxRun.Of(Host, "[Feature] public sealed record Probe : Feature\n{\n    [PerHost]\n    void Os(NixOS os)\n    {\n        " + statement + "\n    }\n}\n");

        run.CompilerDiagnostics.Should().BeEmpty("the config compiles; only Lux refuses it");
        var error = run.AnalyzerDiagnostics().Should().ContainSingle().Which;
        error.Id.Should().Be("LUX0004");
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan).Should().Be(at);
        var line = error.Location.GetLineSpan().StartLinePosition;
        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain($"File1.cs({line.Line + 1},{line.Character + 1}): error LUX0004");
        foreach (var (path, text) in run.Files)
            text.Should().NotContain("\0", path + " must not hold the value").And.NotContain("NaN").And.NotContain("Infinity").And.NotContain("lux.");
    }

    [Fact]
    public void Surrogate_pairs_and_every_other_character_but_NUL_are_text_Nix_can_hold()
    {
        var run = LuxRun.Of(Host, """
            [Feature] public sealed record Probe : Feature
            {
                [PerHost]
                void Os(NixOS os) => os.Users.Users["😀\u0001\uFFFF"].Description = "\uD83D\uDE00\u007F\u2028";
            }
            """);

        run.ManifestErrors.Should().BeEmpty();
        run.AnalyzerDiagnostics().Should().BeEmpty();
        run.Files["hosts/alpha/default.nix"].Should().Contain("\"😀\u0001\uFFFF\".description = \"😀\u007F\u2028\";");
    }
}
