namespace Lux.Tests.Nix;

/// <summary>How the harness merges definitions: as NixOS' module system does, for what the tests read.</summary>
public sealed class NixHarnessMergeTests
{
    private static readonly string s_lists = NixHarness.Fixture("lists");
    private static readonly string s_priorities = NixHarness.Fixture("priorities");
    private static readonly string s_conditions = NixHarness.Fixture("conditions");

    [NixFact]
    public void Lists_concatenate_across_imports_in_the_order_of_nixpkgs()
    {
        // Collected breadth-first (default.nix, a.nix, b.nix, c.nix), then reversed.
        var ports = NixHarness.EvalHost(s_lists, "host.config.networking.firewall.allowedTCPPorts");

        ports.ToInts().Should().Equal(9000, 8080, 443, 80);
    }

    [NixFact]
    public void A_module_imported_twice_is_evaluated_once()
    {
        var keys = NixHarness.EvalHost(s_lists, "host.moduleKeys");

        keys.ToStrings().Where(key => key.EndsWith("/lists/b.nix", StringComparison.Ordinal)).Should().ContainSingle();
    }

    [NixFact]
    public void A_weaker_list_is_dropped_whole()
    {
        var ports = NixHarness.EvalHost(s_lists, "host.config.networking.firewall.allowedUDPPorts");

        ports.ToInts().Should().Equal(123);
    }

    [NixFact]
    public void MkDefault_loses_to_a_plain_definition()
    {
        NixHarness.EvalHost(s_priorities, "host.config.networking.hostName").GetString().Should().Be("plain-name");
    }

    [NixFact]
    public void MkForce_beats_a_plain_definition()
    {
        NixHarness.EvalHost(s_priorities, "host.config.services.openssh.settings.PasswordAuthentication").GetBoolean().Should().BeFalse();
    }

    [NixFact]
    public void MkOverride_with_a_lower_number_beats_mkForce()
    {
        NixHarness.EvalHost(s_priorities, "host.config.services.openssh.settings.PermitRootLogin").GetString().Should().Be("no");
    }

    [NixFact]
    public void Only_the_lists_of_the_strongest_priority_concatenate()
    {
        NixHarness.EvalHost(s_priorities, "host.config.networking.firewall.allowedUDPPorts").ToInts().Should().Equal(53);
    }

    [NixFact]
    public void Equal_values_at_one_priority_agree()
    {
        NixHarness.EvalHost(s_priorities, "host.config.time.timeZone").GetString().Should().Be("UTC");
    }

    [NixFact]
    public void Different_values_at_one_priority_throw_naming_each_definition()
    {
        var error = NixHarness.EvalHostFails(NixHarness.Fixture("conflict"), "host.config.networking.hostName");

        error.Should().Contain("The option `networking.hostName' has conflicting definition values:")
            .And.MatchRegex("- In `[^`]*/conflict/other.nix': \"vega\"")
            .And.MatchRegex("- In `[^`]*/conflict': \"polaris\"");
    }

    [NixFact]
    public void A_condition_on_config_at_the_top_of_a_module_is_evaluated_lazily()
    {
        var config = NixHarness.EvalHost(
            s_conditions,
            """
            {
              rootKeys = host.config.users.users.root.openssh.authorizedKeys.keys;
              inherit (host.config.services.openssh.settings) PasswordAuthentication;
              firewall = host.config.networking.firewall.enable;
            }
            """);

        config.GetRawText().Should().Be("""{"PasswordAuthentication":false,"firewall":true,"rootKeys":["ssh-ed25519 AAAA kiri"]}""");
    }

    [NixFact]
    public void An_option_whose_only_definition_is_switched_off_is_undefined()
    {
        NixHarness.EvalHostFails(s_conditions, "host.config.services.fail2ban.enable")
            .Should().Contain("The option `services.fail2ban.enable' is used but not defined.");
    }

    [NixFact]
    public void Packages_are_placeholders_named_by_their_attribute_path()
    {
        var environment = NixHarness.EvalHost(NixHarness.Fixture("pkgs"), "host.config.environment");

        environment.GetRawText().Should().Be(
            """{"systemPackages":["<pkgs.git>","<pkgs.kdePackages.dolphin>"],"variables":{"NIRI":"<pkgs.niri>/bin/niri"}}""");
    }
}
