using System.Text.Json;
using Lux.Tests.Nix;

namespace Lux.Tests.Fleet;

/// <summary>
/// Every fact the seed fleet's owner verified, proven on the generated Nix: nix-out is evaluated by the
/// real Nix evaluator through the harness (NixOS's merge rules, upstream modules stood in for only
/// where a proof does not look).
/// </summary>
public sealed class SeedFleetProofs
{
    private static string HostDirectory(string host) => Path.Combine(NixOut.Directory, "hosts", host);

    private static JsonElement Eval(string host, string selector) => NixHarness.EvalHost(HostDirectory(host), selector);

    private static string[] Strings(JsonElement list) => list.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [NixFact]
    public void Polaris_gives_kiri_and_ergon_the_same_niri_outputs_and_they_match_its_displays()
    {
        var kiri = Eval("polaris", "host.config.home-manager.users.kiri.programs.niri.settings.outputs").GetRawText();
        var ergon = Eval("polaris", "host.config.home-manager.users.ergon.programs.niri.settings.outputs").GetRawText();
        ergon.Should().Be(kiri);

        var outputs = Eval("polaris", "host.config.home-manager.users.kiri.programs.niri.settings.outputs");
        outputs.EnumerateObject().Select(o => o.Name).Should().BeEquivalentTo("DP-1", "HDMI-A-1");
        var dp1 = outputs.GetProperty("DP-1");
        dp1.GetProperty("mode").GetProperty("width").GetInt32().Should().Be(2560);
        dp1.GetProperty("mode").GetProperty("height").GetInt32().Should().Be(1440);
        dp1.GetProperty("mode").GetProperty("refresh").GetDouble().Should().Be(165.0);
        outputs.GetProperty("HDMI-A-1").GetProperty("position").GetProperty("x").GetInt32().Should().Be(2560);
    }

    [NixFact]
    public void Niri_refresh_rates_are_floats_in_Nix()
    {
        foreach (var (host, user, output) in new[] { ("polaris", "kiri", "DP-1"), ("polaris", "ergon", "HDMI-A-1"), ("zenith", "kiri", "eDP-1") })
        {
            var type = Eval(host, $"builtins.typeOf host.config.home-manager.users.{user}.programs.niri.settings.outputs.\"{output}\".mode.refresh");
            type.GetString().Should().Be("float", $"niri rejects an int refresh rate ({user}@{host} {output})");
        }
    }

    [NixTheory]
    [InlineData("polaris")]
    [InlineData("zenith")]
    public void Local_hosts_decrypt_with_the_admin_key_file(string host)
    {
        Eval(host, "host.config.sops.age.keyFile").GetString().Should().Be("/var/lib/sops-nix/admin-key.txt");
        Strings(Eval(host, "host.config.sops.age.sshKeyPaths")).Should().BeEmpty("sops-nix would otherwise fall back to the SSH host key");
    }

    [NixFact]
    public void Orion_decrypts_with_its_ssh_host_key()
    {
        Strings(Eval("orion", "host.config.sops.age.sshKeyPaths")).Should().Equal("/etc/ssh/ssh_host_ed25519_key");
    }

    [NixTheory]
    [InlineData("polaris", "kiri", true)]
    [InlineData("polaris", "ergon", true)]
    [InlineData("zenith", "kiri", true)]
    [InlineData("zenith", "ergon", true)]
    [InlineData("orion", "kiri", true)]
    public void Home_manager_sops_uses_the_admin_key_only_for_the_hosts_admin_key_users(string host, string user, bool allowed)
    {
        var keyFile = Eval(host, $"host.config.home-manager.users.{user}.sops.age.keyFile or null");
        if (allowed)
            keyFile.GetString().Should().Be("/var/lib/sops-nix/admin-key.txt");
        else
            keyFile.ValueKind.Should().Be(JsonValueKind.Null);
    }

    [NixFact]
    public void Ergon_on_polaris_is_in_exactly_sops_users_wheel_and_networkmanager()
    {
        Strings(Eval("polaris", "host.config.users.users.ergon.extraGroups"))
            .Should().BeEquivalentTo("sops-users", "wheel", "networkmanager");
    }

    [NixTheory]
    [InlineData("polaris")]
    [InlineData("zenith")]
    [InlineData("orion")]
    public void Hosts_with_admin_key_users_have_the_tmpfiles_rule_and_the_sops_users_group(string host)
    {
        Strings(Eval(host, "host.config.systemd.tmpfiles.rules")).Should().Contain("d /var/lib/sops-nix 0750 root sops-users -");
        Eval(host, "(host.config.users.groups or { }) ? sops-users").GetBoolean().Should().BeTrue();
    }

    [NixFact]
    public void Orion_has_no_ergon_anywhere()
    {
        Eval("orion", "host.config.users.users ? ergon").GetBoolean().Should().BeFalse();
        Eval("orion", "host.config.home-manager.users ? ergon").GetBoolean().Should().BeFalse();
        foreach (var file in Directory.EnumerateFiles(HostDirectory("orion"), "*", SearchOption.AllDirectories))
            File.ReadAllText(file).Should().NotContain("ergon", $"{file} is part of orion");
        Strings(Eval("orion", "host.config.services.openssh.settings.AllowUsers")).Should().Equal("kiri");
    }

    [NixTheory]
    [InlineData("polaris")]
    [InlineData("zenith")]
    [InlineData("orion")]
    public void Every_host_turns_off_password_authentication_and_root_login(string host)
    {
        Eval(host, "host.config.services.openssh.settings.PasswordAuthentication").GetBoolean().Should().BeFalse();
        Eval(host, "host.config.services.openssh.settings.PermitRootLogin").GetString().Should().Be("no");
        Eval(host, "host.config.services.openssh.enable").GetBoolean().Should().BeTrue();
    }

    [NixTheory]
    [InlineData("polaris")]
    [InlineData("zenith")]
    [InlineData("orion")]
    public void Every_host_passes_its_assertions(string host)
    {
        Eval(host, "host.checkAssertions").GetBoolean().Should().BeTrue();
    }

    [NixFact]
    public void Home_manager_default_change_warnings_are_silenced_by_explicit_settings()
    {
        foreach (var (host, user) in new[] { ("polaris", "kiri"), ("polaris", "ergon"), ("zenith", "kiri") })
        {
            var home = $"host.config.home-manager.users.{user}";
            Eval(host, $"{home}.gtk.gtk4 ? theme").GetBoolean().Should().BeTrue($"gtk.gtk4.theme is set for {user}@{host}");
            Eval(host, $"{home}.xdg.userDirs ? setSessionVariables").GetBoolean().Should().BeTrue();
            Eval(host, $"{home}.programs.git.signing.format").GetString().Should().Be("ssh");
        }
        Eval("orion", "host.config.home-manager.users.kiri.programs.git.signing.format").GetString().Should().Be("ssh");
    }
}
