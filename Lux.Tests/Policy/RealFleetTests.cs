namespace Lux.Tests.Policy;

/// <summary>The seed fleet keeps every rule, and orion carries the recovery policy as NixOS assertions.</summary>
public sealed class RealFleetTests
{
    [Fact]
    public void The_seed_fleet_has_no_Lux_diagnostics()
    {
        var run = RealFleet.Run();
        run.CompilerDiagnostics.Should().BeEmpty();
        run.AnalyzerDiagnostics().Should().BeEmpty();
        run.ManifestErrors.Should().BeEmpty();
    }

    [Fact]
    public void Only_orion_is_recovery_critical_and_carries_the_eight_rules_as_assertions()
    {
        var run = RealFleet.Run();
        var orion = run.Files["hosts/orion/default.nix"];
        foreach (var id in new[] { "LUX1001", "LUX1002", "LUX1003", "LUX1004", "LUX1005", "LUX1006", "LUX1007", "LUX1008" })
            orion.Should().Contain("message = \"" + id + " (orion): ");
        orion.Should().Contain("assertion = config.services.openssh.settings.PasswordAuthentication == false;");
        orion.Should().Contain("assertion = config.users.users ? kiri && config.users.users.kiri.openssh.authorizedKeys.keys != [ ];");
        orion.Should().MatchRegex(@"assertions = \[ # Orion\.cs:\d+");
        run.Files["hosts/polaris/default.nix"].Should().NotContain("assertions");
        run.Files["hosts/zenith/default.nix"].Should().NotContain("assertions");
    }
}
