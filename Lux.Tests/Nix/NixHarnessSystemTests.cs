namespace Lux.Tests.Nix;

/// <summary>What the harness adds around the merge: assertions, home-manager users, and its upstream stand-ins.</summary>
public sealed class NixHarnessSystemTests
{
    private static readonly string s_assertions = NixHarness.Fixture("assertions");
    private static readonly string s_homeManager = NixHarness.Fixture("home-manager");

    [NixFact]
    public void Failed_assertions_throw_as_NixOS_does()
    {
        var error = NixHarness.EvalHostFails(s_assertions, "host.checkAssertions");

        error.Should().Contain("Failed assertions:")
            .And.Contain("- polaris is reachable only over SSH: services.openssh.enable must stay true")
            .And.Contain("- root must not log in over SSH")
            .And.NotContain("the firewall must stay on");
    }

    [NixFact]
    public void Failed_assertions_of_a_home_manager_user_name_the_user()
    {
        var failed = NixHarness.EvalHost(s_assertions, "host.failedAssertions");

        failed.ToStrings().Should().BeEquivalentTo(
            "kiri profile: programs.git.signing.format must be set",
            "polaris is reachable only over SSH: services.openssh.enable must stay true",
            "root must not log in over SSH");
    }

    [NixFact]
    public void Assertions_that_hold_pass()
    {
        NixHarness.EvalHost(NixHarness.Fixture("openssh"), "host.checkAssertions").GetBoolean().Should().BeTrue();
    }

    [NixFact]
    public void A_home_manager_user_merges_its_imports_inline_definitions_and_shared_modules()
    {
        var kiri = NixHarness.EvalHost(s_homeManager, "host.config.home-manager.users.kiri");

        kiri.GetRawText().Should().Be(
            """
            {"assertions":[],"home":{"packages":["<pkgs.ripgrep>"],"stateVersion":"25.05","username":"kiri"},"programs":{"git":{"enable":true,"settings":{"user":{"email":"kiri@example.org","name":"Kiri"}},"signing":{"format":"openpgp","key":"ssh-ed25519 AAAA kiri"}}},"warnings":[],"xdg":{"configFile":{"niri/host":{"text":"polaris"}}}}
            """);
    }

    [NixFact]
    public void Each_home_manager_user_is_a_configuration_of_its_own()
    {
        var ergon = NixHarness.EvalHost(s_homeManager, "host.config.home-manager.users.ergon");

        ergon.GetRawText().Should().Be("""{"assertions":[],"home":{"stateVersion":"25.05"},"programs":{"git":{"enable":false}},"warnings":[]}""");
    }

    [NixFact]
    public void A_hardware_file_imports_from_modulesPath()
    {
        var config = NixHarness.EvalHost(
            NixHarness.Fixture("hardware"),
            """{ inherit (host.config) hardware fileSystems; inherit (host.config.networking) useDHCP; }""");

        config.GetRawText().Should().Be(
            """{"fileSystems":{"/":{"device":"/dev/disk/by-uuid/0a4e0c4e-4f52-4d5b-9d7e-2f3c1d2b1a00","fsType":"ext4"}},"hardware":{"cpu":{"intel":{"updateMicrocode":true}},"enableRedistributableFirmware":true},"useDHCP":true}""");
    }

    [NixTheory]
    [InlineData("openssh", new[] { 22 })]
    [InlineData("openssh-closed", new[] { 443 })]
    public void An_enabled_sshd_opens_its_ports_in_the_firewall_unless_openFirewall_is_off(string fixture, int[] ports)
    {
        var allowed = NixHarness.EvalHost(NixHarness.Fixture(fixture), "host.config.networking.firewall.allowedTCPPorts");

        allowed.ToInts().Should().Equal(ports);
    }

    [NixFact]
    public void Sops_decrypts_with_the_ssh_host_keys_by_default()
    {
        var sops = NixHarness.EvalHost(
            NixHarness.Fixture("openssh"),
            "{ age = host.config.sops.age.sshKeyPaths; gnupg = host.config.sops.gnupg.sshKeyPaths; }");

        sops.GetRawText().Should().Be("""{"age":["/etc/ssh/ssh_host_ed25519_key"],"gnupg":["/etc/ssh/ssh_host_rsa_key"]}""");
    }

    [NixFact]
    public void Sops_with_an_age_key_file_only_needs_no_host_key()
    {
        var result = NixHarness.EvalHost(
            NixHarness.Fixture("sops"),
            "{ inherit (host) failedAssertions; paths = host.config.sops.age.sshKeyPaths; }");

        result.GetRawText().Should().Be("""{"failedAssertions":[],"paths":[]}""");
    }

    [NixFact]
    public void A_secret_without_a_key_source_fails_the_sops_assertion()
    {
        NixHarness.EvalHostFails(NixHarness.Fixture("sops-no-key"), "host.checkAssertions")
            .Should().Contain("- No key source configured for sops.");
    }
}
