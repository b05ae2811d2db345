using Microsoft.CodeAnalysis;

namespace Lux.Tests.Generator;

public sealed class SmallFleetTests
{
    private static readonly string FixtureDirectory = Repository.Path("Lux.Tests", "Fixtures", "SmallFleet");

    private static LuxRun Run() =>
        LuxRun.Of(Repository.Read(FixtureDirectory, "*.cs").Select(f => (LuxRun.ProjectDirectory + Path.GetFileName(f.Path), f.Text)));

    [Fact]
    public void The_small_fleet_compiles_without_errors()
    {
        var run = Run();
        run.CompilerDiagnostics.Should().BeEmpty();
        run.ManifestErrors.Should().BeEmpty();
        run.AnalyzerDiagnostics().Should().BeEmpty();
    }

    [Fact]
    public void The_small_fleet_generates_the_expected_nix()
    {
        ExpectedFiles.Match(Run().Files, Path.Combine(FixtureDirectory, "expected"));
    }

    [Fact]
    public void Every_host_has_a_module_and_every_user_a_home_on_each_of_its_hosts()
    {
        Run().Files.Keys.Should().BeEquivalentTo(
            "flake.nix", "FLEET.md", "fleet.dot", "bootstrap/alpha.sh", "bootstrap/beta.sh",
            "hosts/alpha/default.nix", "hosts/alpha/home/ada.nix", "hosts/alpha/home/bob.nix",
            "hosts/beta/default.nix", "hosts/beta/home/ada.nix");
    }

    [Fact]
    public void A_generator_run_never_throws()
    {
        var run = Run();
        run.Result.Results.Should().OnlyContain(r => r.Exception == null);
        run.Result.Diagnostics.Should().NotContain(d => d.Severity == DiagnosticSeverity.Error);
    }
}
