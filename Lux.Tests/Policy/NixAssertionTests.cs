namespace Lux.Tests.Policy;

/// <summary>
/// The second line of defence: orion's generated module carries the recovery rules as NixOS assertions over
/// <c>config</c>, so a hand edit of nix-out (or another module) that breaks a rule fails evaluation with the
/// rule's message.
/// </summary>
public sealed class NixAssertionTests
{
    private static readonly Lazy<string> Orion = new(() => RealFleet.Run().Files["hosts/orion/default.nix"]);

    [PolicyNixFact]
    public void Orion_as_generated_passes_its_assertions() =>
        NixAssertionHarness.FailingAssertions(Orion.Value).Should().BeEmpty();

    [PolicyNixFact]
    public void A_violating_value_fails_with_the_rules_message()
    {
        var cases = new (string Patch, string Rule)[]
        {
            ("{ services.openssh.enable = false; }", "LUX1001 (orion): OpenSSH must be enabled: "),
            ("{ services.openssh.settings.PasswordAuthentication = true; }", "LUX1002 (orion): password authentication must be disabled: "),
            ("{ services.openssh.settings.PermitRootLogin = \"prohibit-password\"; }", "LUX1003 (orion): root login must be disabled: "),
            ("{ users.users.kiri.isNormalUser = false; }", "LUX1005 (orion): every recovery user must exist on the host: "),
            ("{ users.users.kiri.openssh.authorizedKeys.keys = [ ]; }", "LUX1006 (orion): every recovery user must have a plain authorized SSH key: "),
            ("{ services.openssh.openFirewall = false; }", "LUX1008 (orion): SSH must be reachable through the firewall: "),
            ("{ services.openssh.ports = [ ]; }", "LUX1008 (orion): SSH must be reachable through the firewall: "),
        };
        foreach (var (patch, rule) in cases)
            NixAssertionHarness.FailingAssertions(Orion.Value, patch).Should().ContainSingle(because: patch).Which.Should().StartWith(rule);
    }

    [PolicyNixFact]
    public void SSH_exposed_another_way_passes_LUX1008()
    {
        NixAssertionHarness.FailingAssertions(Orion.Value, "{ services.openssh.openFirewall = false; networking.firewall.allowedTCPPorts = [ 22 ]; }").Should().BeEmpty();
        NixAssertionHarness.FailingAssertions(Orion.Value, "{ services.openssh.openFirewall = false; networking.firewall.enable = false; }").Should().BeEmpty();
    }

    [PolicyNixFact]
    public void Hand_editing_the_facts_in_nix_out_fails_rules_4_and_7()
    {
        var edited = Orion.Value
            .Replace("assertion = [ \"kiri\" ] != [ ];", "assertion = [ ] != [ ];")
            .Replace("assertion = \"/etc/ssh/ssh_host_ed25519_key\" != null;", "assertion = null != null;");
        edited.Should().NotBe(Orion.Value);
        NixAssertionHarness.FailingAssertions(edited).Should().SatisfyRespectively(
            m => m.Should().StartWith("LUX1004 (orion): at least one recovery user must be named: "),
            m => m.Should().StartWith("LUX1007 (orion): the SOPS SSH host key path must be set: "));
    }
}
