using Lux.Tests.Generator;
using Lux.Tests.Nix;

namespace Lux.Tests.Robustness;

/// <summary>One test per bug the robustness tests found in the generator, named after the bug.</summary>
public sealed class GeneratorRegressionTests
{
    private const string ProbeHost = "[Host] public sealed record Alpha : Host { public override Aspects Includes => [new Probe()]; }";

    private static string Probe(string body) =>
        "[Feature] public sealed record Probe : Feature\n{\n    [PerHost]\n    void Os(NixOS os)\n    {\n" + body + "\n    }\n}\n";

    private static string EvalModule(string module, string selection)
    {
        using var directory = new TemporaryDirectory();
        var file = directory.Write("default.nix", module);
        return NixInstantiate.EvalJson($"({selection}) (import {file} {{ config = null; lib = null; pkgs = null; }})").GetRawText();
    }

    [NixFact]
    public void An_attribute_name_ending_in_a_newline_was_written_bare_and_Nix_read_it_without_the_newline()
    {
        // .NET's "$" matches before a final newline, so "H'''\n" passed as a bare name and Nix read H'''.
        var run = LuxRun.Of(ProbeHost, Probe("""
            os.Users.Users["H'''\n"].Description = "a";
            os.Users.Users["ok\n"].Description = "b";
            """));

        var module = run.Files["hosts/alpha/default.nix"];
        module.Should().Contain("\"H'''\\n\".description = \"a\";").And.Contain("\"ok\\n\".description = \"b\";");
        EvalModule(module, "m: builtins.attrNames m.users.users").Should().Be("""["H'''\n","ok\n"]""");
    }

    [NixFact]
    public void A_negative_number_in_a_list_was_a_Nix_syntax_error_and_under_a_priority_a_subtraction()
    {
        // "[ -1 ]" does not parse, and "lib.mkForce -5" is lib.mkForce minus 5.
        var run = LuxRun.Of(ProbeHost, Probe("""
            os.SetUnchecked("lux.ints", new[] { -1, 2 });
            os.SetUnchecked("lux.floats", new[] { -1.5, 2.5 });
            os.SetUnchecked("lux.forced", Mk.Force(-5));
            os.SetUnchecked("lux.defaults", Mk.Default(new[] { -7 }));
            os.SetUnchecked("lux.inner", new[] { Mk.Override(10, -2.5) });
            """));

        run.ManifestErrors.Should().BeEmpty();
        var module = run.Files["hosts/alpha/default.nix"];
        module.Should().Contain("[ (-1) 2 ]").And.Contain("lib.mkForce (-5)").And.Contain("(lib.mkOverride 10 (-2.5))");
        using var directory = new TemporaryDirectory();
        var file = directory.Write("default.nix", module);
        var lib = "{ mkForce = x: x; mkDefault = x: x; mkOverride = _: x: x; }";
        NixInstantiate.EvalJson($"(import {file} {{ config = null; lib = {lib}; pkgs = null; }}).lux").GetRawText()
            .Should().Be("""{"defaults":[-7],"floats":[-1.5,2.5],"forced":-5,"inner":[-2.5],"ints":[-1,2]}""");
    }

    [NixFact]
    public void A_subnormal_float_was_written_as_a_literal_that_Nix_refuses_as_an_invalid_float()
    {
        // Nix 2.8 reads literals with strtod and rejects any that underflow: "invalid float '5.0e-324'".
        var run = LuxRun.Of(ProbeHost, Probe("""
            os.SetUnchecked("lux.tiny", double.Epsilon);
            os.SetUnchecked("lux.below", -2.225073858507201E-308);
            os.SetUnchecked("lux.normal", 2.2250738585072014E-308);
            """));

        run.ManifestErrors.Should().BeEmpty();
        var module = run.Files["hosts/alpha/default.nix"];
        module.Should().Contain("tiny = (2.2250738585072014e-308 / 4503599627370496.0);").And.Contain("normal = 2.2250738585072014e-308;");
        // The smallest positive double: 2^-52 of the smallest normal, and half of it rounds to zero.
        EvalModule(module, "m: [ (m.lux.tiny * 4503599627370496.0 == m.lux.normal) (m.lux.tiny > 0.0) (m.lux.tiny / 2.0 == 0.0) (m.lux.below < 0.0) ]")
            .Should().Be("[true,true,true,true]");
    }

    [Fact]
    public void A_line_separator_quoted_in_an_error_broke_the_generated_manifest_into_CSharp_that_does_not_compile()
    {
        // The manifest carries errors as // comments; U+2028 ends a C# comment as '\n' does.
        var run = LuxRun.Of(ProbeHost, Probe("""
            os.Users.Users["a\u2028b\u0085c"].Description = "x";
            os.Users.Users["a\u2028b\u0085c"].Description = "y";
            """));

        run.CompilerDiagnostics.Should().BeEmpty("the generated manifest must compile");
        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain("LUX2001").And.Contain("users.users.a b c.description");
    }

    [Theory]
    [InlineData("public override string Name => \"my host\";", "Name")]
    [InlineData("public override string Name => \"../../etc\";", "Name")]
    [InlineData("public override string Name => \".\";", "Name")]
    [InlineData("public override string Name => \"h\u00e9\";", "Name")]
    [InlineData("", "Ze\u0301nith")]
    public void A_host_name_outside_the_Nix_path_grammar_made_a_flake_that_does_not_parse_or_a_path_outside_nix_out(string member, string at)
    {
        // flake.nix names each host as the path literal ./hosts/<name>; "my host" or "é" end it, "../" leaves nix-out.
        var run = LuxRun.Of("[Host] public sealed record Ze\u0301nith : Host { " + member + " }");

        var error = run.AnalyzerDiagnostics().Should().ContainSingle().Which;
        error.Id.Should().Be("LUX0004");
        error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan).Should().Be(at);
        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain("LUX0004");
        run.Files.Keys.Should().Equal("FLEET.md", "flake.nix", "fleet.dot");
        run.Files["flake.nix"].Should().Contain("nixosConfigurations = { };");
    }

    [Fact]
    public void A_user_name_outside_the_Nix_path_grammar_made_an_import_that_does_not_parse()
    {
        // The host module imports ./home/<name>.nix for each user.
        var run = LuxRun.Of("""
            [User] public sealed record Ada : User { public override string Name => "ada lovelace"; }
            [Host] public sealed record Alpha : Host { public override Users Users => [new Ada()]; }
            """);

        var error = run.AnalyzerDiagnostics().Should().ContainSingle().Which;
        error.Id.Should().Be("LUX0004");
        error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan).Should().Be("Name");
        run.Files.Keys.Should().NotContain(k => k.Contains("/home/"));
    }

    [Fact]
    public void Two_records_of_one_name_with_different_Lux_kinds_made_the_build_fail_on_an_error_the_IDE_never_showed()
    {
        // Mutant 113 (seed 20251125): FleetSecrets renamed to Development mid-edit. C# merges the two into one
        // symbol with [Profile] and [Secrets]; the generator read it as both, the IDE as the first only.
        var run = LuxRun.Of(
            "[Host] public sealed record Alpha : Host { public override Aspects Includes => [new Development()]; }",
            "[Profile] public sealed record Development : Profile { }",
            "[Secrets] public sealed record Development : SecretsPolicy { }");

        run.CompilerDiagnostics.Should().Contain(d => d.Id == "CS0101");
        var analyzer = run.AnalyzerDiagnostics().Where(d => d.Id.StartsWith("LUX", StringComparison.Ordinal)).ToList();
        analyzer.Should().Contain(d => d.Id == "LUX0002" && d.GetMessage().Contains("[Profile] and [Secrets]"));
        run.ManifestErrors.Should().Contain(e => e.Contains("LUX0002") && e.Contains("[Profile] and [Secrets]"));
    }

    [Fact]
    public void A_record_marked_both_Host_and_Feature_is_one_LUX0002_in_the_IDE_and_the_build()
    {
        var run = LuxRun.Of("[Host, Feature] public sealed record Alpha : Host { }");

        run.AnalyzerDiagnostics().Should().ContainSingle().Which.GetMessage().Should().Contain("[Host] and [Feature]");
        run.ManifestErrors.Should().Contain(e => e.Contains("LUX0002"));
    }

    [Fact]
    public void A_feature_including_itself_with_new_arguments_overflowed_the_stack_and_killed_the_compiler()
    {
        // F(0) includes F(1), which includes F(2)...: no cycle by key, and the recursion never ended.
        var run = LuxRun.Of(
            "[Host] public sealed record Alpha : Host { public override Aspects Includes => [new F(0)]; }",
            "[Feature] public sealed record F(int N) : Feature { public override Aspects Includes => [new F(N + 1), new F(N * 2 + 1)]; }");

        var error = run.AnalyzerDiagnostics().Should().ContainSingle().Which;
        error.Id.Should().Be("LUX0005");
        error.GetMessage().Should().Contain("new arguments never ends");
        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain("LUX0005");
    }

    [Theory]
    [InlineData("os.SetUnchecked(\"x\", N * 4611686018427387904L);", "N * 4611686018427387904L", "LUX0003")]
    [InlineData("os.SetUnchecked(\"x\", (N - 9223372036854775807L - 4) / -1);", "(N - 9223372036854775807L - 4) / -1", "LUX0003")]
    [InlineData("os.SetUnchecked(\"x\", -(N - 9223372036854775807L - 4));", "-(N - 9223372036854775807L - 4)", "LUX0003")]
    [InlineData("os.SetUnchecked(\"x\", 18446744073709551615UL);", "18446744073709551615UL", "LUX0004")]
    public void Integer_overflow_and_ulong_constants_were_LUX0000_internal_errors(string statement, string at, string id)
    {
        // checked arithmetic threw OverflowException, and Convert.ToInt64 on a large ulong threw while parsing.
        var run = LuxRun.Of(
            "[Host] public sealed record Alpha : Host { public override Aspects Includes => [new G(3)]; }",
            "[Feature] public sealed record G(long N) : Feature { [PerHost] void Os(NixOS os) { " + statement + " } }");

        var error = run.AnalyzerDiagnostics().Should().ContainSingle().Which;
        error.Id.Should().Be(id);
        error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan).Should().Be(at);
        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain(id);
    }

    [Fact]
    public void After_one_too_deep_evaluation_the_depth_limit_grew_so_the_next_host_evaluated_what_the_first_refused()
    {
        // The guard reset its count to zero and every unwinding frame then decremented it below zero. The depth
        // comes from records reading each other's properties (about two levels per record), not from deep syntax.
        var run = LuxRun.Of(
            "[Host] public sealed record Alpha : Host { public override Aspects Includes => [new Deep(150)]; }",
            "[Host] public sealed record Beta : Host { public override Aspects Includes => [new Deep(150)]; }",
            "[Feature] public sealed record Deep(int N) : Feature { public int X => N > 0 ? new Deep(N - 1).X : 0; [PerHost] void Os(NixOS os) => os.SetUnchecked(\"x\", X); }");

        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain("nests deeper than 200");
        run.Files["hosts/alpha/default.nix"].Should().NotContain("x =");
        run.Files["hosts/beta/default.nix"].Should().NotContain("x =");
    }

    [Theory]
    [InlineData("public override string StateVersion => \"25.11\\0\";", "StateVersion")]
    [InlineData("public override string System => \"x86_64-linux\\uD800\";", "System")]
    public void A_host_fact_Nix_cannot_hold_was_refused_only_while_emitting_so_the_IDE_never_showed_it(string member, string at)
    {
        // Mutant 1690 (seed 20251125): StateVersion = "\0". Facts reach Nix without passing a gate.
        var run = LuxRun.Of("[Host] public sealed record Alpha : Host { " + member + " }");

        var error = run.AnalyzerDiagnostics().Should().ContainSingle().Which;
        error.Id.Should().Be("LUX0004");
        error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan).Should().Be(at);
        run.ManifestErrors.Should().ContainSingle().Which.Should().Contain("LUX0004");
    }

    [Theory]
    [InlineData("public override IReadOnlyList<AgeRecipient> Recipients => [new AgeRecipient(\"a\", \"age1x\"), null!];", "Recipients", "LUX0003")]
    [InlineData("public override string PathRegex => \"secrets/\\n.*\";", "PathRegex", "LUX0004")]
    public void A_secrets_policy_that_does_not_evaluate_was_refused_only_while_emitting_so_the_IDE_never_showed_it(string member, string at, string id)
    {
        // .sops.yaml was evaluated by the emitter; a line break in PathRegex was folded into a space by YAML.
        var run = LuxRun.Of("[Secrets] public sealed record Policy : SecretsPolicy { " + member + " }");

        var errors = run.AnalyzerDiagnostics().Where(d => d.Id == id).ToList();
        errors.Should().ContainSingle().Which.Location.SourceTree!.GetText().ToString(errors[0].Location.SourceSpan).Should().Be(at);
        run.ManifestErrors.Should().Contain(e => e.Contains(id));
        run.Files.Keys.Should().NotContain(".sops.yaml");
    }

    [Fact]
    public void Two_hosts_of_one_name_made_the_generator_throw_on_a_duplicate_hint_name()
    {
        // Mutant 4343 (seed 7): Polaris renamed to Zenith. Both hosts emitted hosts/zenith/default.nix, and
        // AddSource threw for the second: CS8785, no manifest at all.
        var run = LuxRun.Of(
            "[Host] public sealed record Alpha : Host { public override string Name => \"same\"; }",
            "[Host] public sealed record Beta : Host { public override string Name => \"same\"; }",
            "[Host] public sealed record Gamma : Host { }");

        run.Result.Results.Should().OnlyContain(r => r.Exception == null);
        run.Result.Diagnostics.Should().NotContain(d => d.Id == "CS8785");
        run.ManifestErrors.Should().HaveCount(2).And.OnlyContain(e => e.Contains("LUX2003"));
        run.Files.Keys.Should().Equal("FLEET.md", "bootstrap/gamma.sh", "flake.nix", "fleet.dot", "hosts/gamma/default.nix");
    }

    [Theory]
    [InlineData("os.SetUnchecked(\"x\", {0});", "N", " + ", "", 5000)]
    [InlineData("os.SetUnchecked(\"x\", {0});", "N > 0 ? 1 : ", "", "0", 3000)]
    [InlineData("{0}", "if (N > 0) { ", "", "}", 3000)]
    public void Code_nested_thousands_of_levels_deep_that_CSharp_compiles_overflowed_the_stack_in_Lux(string body, string open, string separator, string close, int count)
    {
        // Roslyn compiles these. Lux's parser recursed once per level, and asking the semantic model about deep
        // statements ran Roslyn's nullable analysis recursively: either overflow killed the process.
        var nested = string.Join(separator, Enumerable.Repeat(open, count)) + (close == "}" ? "os.SetUnchecked(\"x\", 1); " : "") + string.Concat(Enumerable.Repeat(close, close == "0" ? 1 : count));
        // Roslyn's own nullable analysis of this code (LuxRun compiles it to report C# errors) recurses per level as well;
        // on a thread-pool worker's stack, where a concurrent build puts it, it overflowed and took the test host down in
        // busy runs of the whole suite. It runs here on one thread with room for it: this test's subject is Lux's depth
        // limit, asserted below.
        LuxRun? run = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                run = LuxRun.Of(
                [
                    (LuxRun.ProjectDirectory + "Alpha.cs", "[Host] public sealed record Alpha : Host { public override Aspects Includes => [new Deep(1)]; }"),
                    (LuxRun.ProjectDirectory + "Deep.cs", "[Feature] public sealed record Deep(int N) : Feature { [PerHost] void Os(NixOS os) { " +
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, body, nested) + " } }"),
                ], concurrentBuild: false);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, maxStackSize: 64 * 1024 * 1024);
        thread.Start();
        thread.Join();
        failure.Should().BeNull();

        run!.CompilerDiagnostics.Should().BeEmpty();
        run.Result.Results.Should().OnlyContain(r => r.Exception == null);
        run.ManifestErrors.Should().Contain(e => e.Contains("LUX0001") && e.Contains("deeper than"));
        run.ManifestErrors.Should().NotContain(e => e.Contains("LUX0000"));
    }
}
