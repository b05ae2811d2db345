using Lux.Tests.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static Lux.Tests.Policy.LuxVerifier;

namespace Lux.Tests.Policy;

/// <summary>
/// Lux diagnostics behave as any Roslyn diagnostic in the IDE and the build: severity set in .editorconfig,
/// suppression with #pragma and [SuppressMessage], a help link to their docs page. None of that lets Lux write
/// a config that breaks a rule: the generator's manifest still carries every Lux error (see docs/diagnostics/README.md).
/// </summary>
public sealed class RoslynConventionTests
{
    private const string PasswordFalse = "os.Services.OpenSsh.Settings.PasswordAuthentication = false;";

    [Fact]
    public async Task Severity_is_set_in_editorconfig()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(RecoveryFleet.With((PasswordFalse, "{|#0:os.Services.OpenSsh.Settings.PasswordAuthentication = true|};")));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.LUX1002.severity = warning\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("LUX1002", DiagnosticSeverity.Warning).WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task Severity_none_in_editorconfig_silences_the_rule()
    {
        var test = new AnalyzerTest();
        test.TestState.Sources.Add(RecoveryFleet.With((PasswordFalse, "os.Services.OpenSsh.Settings.PasswordAuthentication = true;")));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.LUX1002.severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public Task A_pragma_suppresses_the_diagnostic_at_its_span() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse,
            "#pragma warning disable LUX1002 // the rescue image needs a password once\n        os.Services.OpenSsh.Settings.PasswordAuthentication = true;\n#pragma warning restore LUX1002")));

    [Fact]
    public Task SuppressMessage_suppresses_the_diagnostic_in_the_member_it_marks() =>
        VerifyAsync(RecoveryFleet.With(
            ("    [PerHost]\n    void Server(NixOS os)", "    [PerHost]\n    [System.Diagnostics.CodeAnalysis.SuppressMessage(\"Lux.SshRecovery\", \"LUX1002\", Justification = \"Rescue image.\")]\n    void Server(NixOS os)"),
            (PasswordFalse, "os.Services.OpenSsh.Settings.PasswordAuthentication = true;")));

    [Fact]
    public void Every_descriptor_is_an_error_with_a_docs_page_but_the_renamed_option_warning()
    {
        foreach (var descriptor in new Generators.Diagnostics.LuxAnalyzer().SupportedDiagnostics)
        {
            // A renamed option still works in NixOS: LUX3006 warns and leaves nix-out to be written.
            descriptor.DefaultSeverity.Should().Be(descriptor.Id == "LUX3006" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error);
            descriptor.HelpLinkUri.Should().Be("docs/diagnostics/" + descriptor.Id + ".md");
            File.Exists(Repository.Path("docs", "diagnostics", descriptor.Id + ".md")).Should().BeTrue(descriptor.Id + " has a docs page");
            File.ReadAllText(Repository.Path("Lux.Generators", "AnalyzerReleases.Unshipped.md")).Should().Contain(descriptor.Id + " |");
        }
    }

    [Fact]
    public void The_generators_manifest_carries_policy_errors_so_nix_out_is_blocked_even_with_analyzers_off()
    {
        // LuxRun runs the generator alone, as -p:RunAnalyzers=false leaves it.
        var run = LuxRun.Of(RecoveryFleet.With(
            (PasswordFalse, "os.Services.OpenSsh.Settings.PasswordAuthentication = true;"),
            ("os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.No;", "")));
        run.ManifestErrors.Should().HaveCount(2);
        run.ManifestErrors.Should().Contain(e => e.Contains("error LUX1002: orion: password authentication must be disabled"));
        run.ManifestErrors.Should().Contain(e => e.Contains("error LUX1003: orion: root login must be disabled"));
    }

    [Fact]
    public void A_suppressed_rule_still_reaches_the_manifest_where_the_writer_blocks_it_unless_analyzers_ran()
    {
        // The writer's side (written with a warning when analyzers ran) is PolicySuppressionTests and the end-to-end build.
        var run = LuxRun.Of(RecoveryFleet.With((PasswordFalse,
            "#pragma warning disable LUX1002\n        os.Services.OpenSsh.Settings.PasswordAuthentication = true;\n#pragma warning restore LUX1002")));
        run.AnalyzerDiagnostics().Should().BeEmpty();
        run.ManifestErrors.Should().ContainSingle(e => e.Contains("LUX1002"));
    }
}
