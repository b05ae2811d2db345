namespace Lux.Tests.EndToEnd;

/// <summary>The real `dotnet build` of a config project: it writes nix-out, or fails at the cause and writes nothing.</summary>
public sealed class BuildTests(BuildSandbox sandbox) : IClassFixture<BuildSandbox>
{
    [Fact]
    public void A_no_op_build_rewrites_no_file_in_nix_out()
    {
        var before = sandbox.Snapshot();
        var (exitCode, output) = sandbox.Build();
        exitCode.Should().Be(0, output);
        output.Should().Contain("lux: nix-out/ → 0 written, 0 deleted");
        sandbox.Snapshot().Should().Equal(before, "unchanged files keep their bytes and modification times");
    }

    [Theory]
    [InlineData()]
    [InlineData("-p:RunAnalyzers=false")]
    public void An_unsupported_construct_fails_the_build_at_its_span_and_leaves_nix_out_as_it_was(params string[] properties)
    {
        sandbox.WithEdit("Hosts/Orion.cs", "public override string StateVersion => \"25.11\";",
            "public override string StateVersion => global::System.DateTime.Now.Year.ToString();", () =>
            {
                var before = sandbox.Snapshot();
                var (exitCode, output) = sandbox.Build(properties);
                exitCode.Should().NotBe(0, output);
                output.Should().MatchRegex(@"Hosts[/\\]Orion\.cs\(7,44\): error LUX0001: The static member 'global::System\.DateTime\.Now' is not supported");
                sandbox.Snapshot().Should().Equal(before, "a config with errors writes nothing");
            });
    }

    [Fact]
    public void An_edit_rewrites_only_the_files_it_changes()
    {
        sandbox.WithEdit("Hosts/Zenith.cs", "new Display(\"eDP-1\", 2880, 1800, 120.0)", "new Display(\"eDP-1\", 2880, 1800, 90.0)", () =>
        {
            var (exitCode, output) = sandbox.Build();
            exitCode.Should().Be(0, output);
            var after = sandbox.Snapshot();
            var changed = after.Where(f => sandbox.PristineNixOut[f.Key].Hash != f.Value.Hash).Select(f => f.Key.Replace('\\', '/')).ToList();
            changed.Should().BeEquivalentTo("hosts/zenith/home/kiri.nix", "hosts/zenith/home/ergon.nix");
            File.ReadAllText(Path.Combine(sandbox.NixOut, "hosts", "zenith", "home", "kiri.nix")).Should().Contain("refresh = 90.0;");
        });
        var (restoredExit, restored) = sandbox.Build();
        restoredExit.Should().Be(0, restored);
        sandbox.Snapshot().Select(f => (f.Key, f.Value.Hash)).Should().BeEquivalentTo(sandbox.PristineNixOut.Select(f => (f.Key, f.Value.Hash)));
    }

    [Fact]
    public void A_design_time_build_writes_nothing()
    {
        sandbox.WithEdit("Hosts/Zenith.cs", "new Display(\"eDP-1\", 2880, 1800, 120.0)", "new Display(\"eDP-1\", 2880, 1800, 60.0)", () =>
        {
            var before = sandbox.Snapshot();
            var (_, output) = sandbox.Build("-p:DesignTimeBuild=true");
            output.Should().NotContain("lux: nix-out/");
            sandbox.Snapshot().Should().Equal(before, "the IDE's design-time builds never write nix-out");
        });
    }

    [Theory]
    [InlineData()]
    [InlineData("-p:RunAnalyzers=false")]
    public void A_recovery_policy_violation_fails_the_build_at_the_assignment_and_leaves_nix_out_as_it_was(params string[] properties)
    {
        sandbox.WithEdit("Features/OpenSsh.cs", "Settings.PasswordAuthentication = false;", "Settings.PasswordAuthentication = true;", () =>
        {
            var before = sandbox.Snapshot();
            var (exitCode, output) = sandbox.Build(properties);
            exitCode.Should().NotBe(0, output);
            output.Should().MatchRegex(@"Features[/\\]OpenSsh\.cs\(15,9\): error LUX1002: .*orion");
            sandbox.Snapshot().Should().Equal(before, "nix-out is not written while a Lux error stands");
        });
    }

    [Fact]
    public void A_suppressed_policy_error_builds_and_writes_nix_out_with_a_warning_but_not_without_analyzers()
    {
        sandbox.WithEdit("Features/OpenSsh.cs", "        os.Services.OpenSsh.Settings.PasswordAuthentication = false;",
            "#pragma warning disable LUX1002 // a test of suppression\n        os.Services.OpenSsh.Settings.PasswordAuthentication = true;\n#pragma warning restore LUX1002", () =>
            {
                var before = sandbox.Snapshot();
                var (blockedExit, blocked) = sandbox.Build("-p:RunAnalyzers=false");
                blockedExit.Should().NotBe(0, "without analyzers no suppression was seen:\n" + blocked);
                sandbox.Snapshot().Should().Equal(before);

                var (exitCode, output) = sandbox.Build();
                exitCode.Should().Be(0, output);
                output.Should().MatchRegex(@"OpenSsh\.cs\(16,9\): warning LUX1002: .*suppressed in the config");
                File.ReadAllText(Path.Combine(sandbox.NixOut, "hosts", "orion", "default.nix")).Should().Contain("PasswordAuthentication = true;")
                    .And.Contain("LUX1002 (orion)", "the NixOS assertion still stands as the second line");
            });
        var (restoredExit, restored) = sandbox.Build();
        restoredExit.Should().Be(0, restored);
    }
}
