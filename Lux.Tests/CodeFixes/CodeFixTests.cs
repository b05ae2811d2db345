using Lux.Tests.Generator;
using Lux.Tests.Policy;
using static Lux.Tests.CodeFixes.LuxCodeFixVerifier;

namespace Lux.Tests.CodeFixes;

/// <summary>
/// Each mechanical fix produces the expected source, which then compiles with no Lux diagnostic. Defined
/// options are rewritten where they are defined; undefined ones become an explicit host exception.
/// </summary>
public sealed class CodeFixTests
{
    private const string EnableTrue = "os.Services.OpenSsh.Enable = true;";
    private const string PasswordFalse = "os.Services.OpenSsh.Settings.PasswordAuthentication = false;";
    private const string RootNo = "os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.No;";

    /// <summary>What the fix writes: the generated enum's member, qualified, so it compiles in any file.</summary>
    private const string FixedRootNo = "os.Services.OpenSsh.Settings.PermitRootLogin = Lux.NixOSOptions.PermitRootLogin.No;";
    private const string Includes = "    public override Aspects Includes => [new OpenSsh()];\n";

    private static string HostException(params string[] statements) =>
        Includes + "\n    [PerHost]\n    void SshRecoveryPolicy(NixOS os)\n    {\n" + string.Concat(statements.Select(s => "        " + s + "\n")) + "    }\n";

    [Fact]
    public Task LUX1002_rewrites_true_to_false_where_it_is_defined() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse, "{|LUX1002:os.Services.OpenSsh.Settings.PasswordAuthentication = true|};")),
            RecoveryFleet.Valid);

    [Fact]
    public Task LUX1002_rewrites_inside_a_priority_wrapper() =>
        VerifyAsync(RecoveryFleet.WithHostMembers("    [PerHost]\n    void Exceptions(NixOS os) => {|LUX1002:os.Services.OpenSsh.Settings.PasswordAuthentication = Mk.Force(true)|};"),
            RecoveryFleet.WithHostMembers("    [PerHost]\n    void Exceptions(NixOS os) => os.Services.OpenSsh.Settings.PasswordAuthentication = Mk.Force(false);"));

    [Fact]
    public Task LUX1002_rewrites_the_value_of_an_untyped_Set() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse, "{|LUX1002:os.Set(\"services.openssh.settings.PasswordAuthentication\", true)|};")),
            RecoveryFleet.With((PasswordFalse, "os.Set(\"services.openssh.settings.PasswordAuthentication\", false);")));

    [Fact]
    public Task LUX1002_when_undefined_adds_a_host_exception() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse, ""), ("public override SshRecovery SshRecovery =>", "public override SshRecovery {|LUX1002:SshRecovery|} =>")),
            RecoveryFleet.With((PasswordFalse, ""), (Includes, HostException(PasswordFalse))));

    [Fact]
    public Task LUX1003_when_undefined_joins_the_existing_host_exception() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse, ""), (RootNo, ""), (Includes, HostException(PasswordFalse)),
                ("public override SshRecovery SshRecovery =>", "public override SshRecovery {|LUX1003:SshRecovery|} =>")),
            RecoveryFleet.With((PasswordFalse, ""), (RootNo, ""), (Includes, HostException(PasswordFalse, FixedRootNo))));

    [Fact]
    public Task LUX1003_rewrites_prohibit_password_to_no() =>
        VerifyAsync(RecoveryFleet.With((RootNo, "{|LUX1003:os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.ProhibitPassword|};")),
            RecoveryFleet.With((RootNo, FixedRootNo)));

    [Fact]
    public Task LUX3006_replaces_a_renamed_option_with_its_new_path() =>
        VerifyAsync(RecoveryFleet.With((RootNo, RootNo + "\n        os.Set({|LUX3006:\"boot.cleanTmpDir\"|}, true);")),
            RecoveryFleet.With((RootNo, RootNo + "\n        os.Set(\"boot.tmp.cleanOnBoot\", true);")));

    [Fact]
    public Task LUX1001_rewrites_false_to_true() =>
        VerifyAsync(RecoveryFleet.With((EnableTrue, "{|LUX1001:os.Services.OpenSsh.Enable = false|};")),
            RecoveryFleet.Valid);

    [Fact]
    public Task LUX1001_when_undefined_enables_OpenSSH_on_the_host() =>
        VerifyAsync(RecoveryFleet.With((EnableTrue, ""), ("public override SshRecovery SshRecovery =>", "public override SshRecovery {|LUX1001:SshRecovery|} =>")),
            RecoveryFleet.With((EnableTrue, ""), (Includes, HostException(EnableTrue))));

    [Fact]
    public Task LUX1008_opens_the_firewall_where_it_was_closed() =>
        VerifyAsync(RecoveryFleet.With((EnableTrue, EnableTrue + "\n        {|LUX1008:os.Services.OpenSsh.OpenFirewall = false|};")),
            RecoveryFleet.With((EnableTrue, EnableTrue + "\n        os.Services.OpenSsh.OpenFirewall = true;")));

    [Fact]
    public Task LUX1008_or_allows_the_SSH_port_on_the_host_in_its_own_file()
    {
        // The feature and the host live in different files: the host exception goes into the host's.
        var (feature, host) = Split(RecoveryFleet.With((EnableTrue, EnableTrue + "\n        {|LUX1008:os.Services.OpenSsh.OpenFirewall = false|};")));
        var (fixedFeature, fixedHost) = Split(RecoveryFleet.With((EnableTrue, EnableTrue + "\n        os.Services.OpenSsh.OpenFirewall = false;"),
            (Includes, HostException("os.Networking.Firewall.AllowedTCPPorts = [22];"))));
        return VerifyAsync([feature, host], [fixedFeature, fixedHost], fix: 1);
    }

    [Fact]
    public Task LUX2002_adds_an_admin_key_user_to_the_host() =>
        VerifyAsync(RecoveryFleet.With(("HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\" }", "HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\", AdminKeyPath = \"/k\", AdminKeyUsers = [{|LUX2002:new Ergon()|}] }")),
            RecoveryFleet.With(("HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\" }", "HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\", AdminKeyPath = \"/k\", AdminKeyUsers = [new Ergon()] }"),
                ("public override Users Users => [new Kiri()];", "public override Users Users => [new Kiri(), new Ergon()];")));

    [Fact]
    public Task LUX1005_adds_a_recovery_user_to_the_host_which_also_clears_LUX2002() =>
        VerifyAsync(RecoveryFleet.With(
                ("new(Users: [new Kiri()])", "new(Users: [new Kiri(), {|LUX1005:{|LUX2002:new Ergon()|}|}])"),
                ("public sealed record Ergon : User\n{", "public sealed record Ergon : User\n{\n    public override SshKeys AuthorizedSshKeys => [\"" + RecoveryFleet.ErgonKey + "\"];\n")),
            RecoveryFleet.With(
                ("new(Users: [new Kiri()])", "new(Users: [new Kiri(), new Ergon()])"),
                ("public sealed record Ergon : User\n{", "public sealed record Ergon : User\n{\n    public override SshKeys AuthorizedSshKeys => [\"" + RecoveryFleet.ErgonKey + "\"];\n"),
                ("public override Users Users => [new Kiri()];", "public override Users Users => [new Kiri(), new Ergon()];")));

    [Fact]
    public void A_fixed_fleet_also_generates_nix_out()
    {
        var fixedSource = RecoveryFleet.With((PasswordFalse, ""), (Includes, HostException(PasswordFalse)));
        var run = LuxRun.Of(fixedSource);
        run.CompilerDiagnostics.Should().BeEmpty();
        run.ManifestErrors.Should().BeEmpty();
        run.Files["hosts/orion/default.nix"].Should().Contain("PasswordAuthentication = false; # File0.cs:");
    }

    /// <summary>The fleet as two files: everything before the host, and the host.</summary>
    private static (string Others, string Host) Split(string fleet)
    {
        var at = fleet.IndexOf("[Host]", StringComparison.Ordinal);
        return (fleet[..at], fleet[at..]);
    }
}
