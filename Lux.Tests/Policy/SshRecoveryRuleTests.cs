using static Lux.Tests.Policy.LuxVerifier;

namespace Lux.Tests.Policy;

/// <summary>
/// Each SSH recovery rule (LUX1001–LUX1008) on the resolved host: it fires at the span that causes the
/// violation — the winning definition, wherever it sits, or the host's SshRecovery fact when nothing defines
/// the option and the upstream default breaks the rule — and stays silent on valid variations.
/// </summary>
public sealed class SshRecoveryRuleTests
{
    private const string EnableTrue = "os.Services.OpenSsh.Enable = true;";
    private const string PasswordFalse = "os.Services.OpenSsh.Settings.PasswordAuthentication = false;";
    private const string RootNo = "os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.No;";

    [Fact]
    public Task The_valid_fleet_is_silent() => VerifyAsync(RecoveryFleet.Valid);

    [Fact]
    public Task A_host_without_SshRecovery_is_not_judged() =>
        VerifyAsync(RecoveryFleet.With(
            ("    public override SshRecovery SshRecovery => new(Users: [new Kiri()]);\n", ""),
            (PasswordFalse, "os.Services.OpenSsh.Settings.PasswordAuthentication = true;")));

    // LUX1001

    [Fact]
    public Task LUX1001_fires_at_the_definition_that_disables_OpenSSH() =>
        VerifyAsync(RecoveryFleet.With((EnableTrue, "{|#0:os.Services.OpenSsh.Enable = false|};")),
            Diagnostic("LUX1001", 0, "orion: OpenSSH must be enabled (SSH recovery): this sets services.openssh.enable = false; set it to true"));

    [Fact]
    public Task LUX1001_fires_at_the_SshRecovery_fact_when_nothing_enables_OpenSSH() =>
        VerifyAsync(RecoveryFleet.With((EnableTrue, ""), RecoveryFleet.MarkRecoveryFact),
            Diagnostic("LUX1001", 0, "orion: OpenSSH must be enabled (SSH recovery): nothing defines services.openssh.enable, so the upstream default (false) applies; " +
                "set os.Services.OpenSsh.Enable = true in a feature orion includes, or on the host"));

    [Fact]
    public Task LUX1001_is_silent_when_a_host_exception_overrides_a_default_off() =>
        VerifyAsync(RecoveryFleet.WithHostMembers("    [PerHost]\n    void Exceptions(NixOS os) => os.Services.OpenSsh.Enable = Mk.Force(true);",
            (EnableTrue, "os.Services.OpenSsh.Enable = false;")));

    // LUX1002

    [Fact]
    public Task LUX1002_fires_at_the_assignment_that_turns_password_authentication_on() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse, "{|#0:os.Services.OpenSsh.Settings.PasswordAuthentication = true|};")),
            Diagnostic("LUX1002", 0, "orion: password authentication must be disabled (SSH recovery): this sets services.openssh.settings.PasswordAuthentication = true; set it to false"));

    [Fact]
    public Task LUX1002_fires_at_the_SshRecovery_fact_when_undefined_because_the_upstream_default_is_true() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse, ""), RecoveryFleet.MarkRecoveryFact),
            Diagnostic("LUX1002", 0, "orion: password authentication must be disabled (SSH recovery): nothing defines services.openssh.settings.PasswordAuthentication, " +
                "so the upstream default (true) applies; set os.Services.OpenSsh.Settings.PasswordAuthentication = false in a feature orion includes, or on the host"));

    [Fact]
    public Task LUX1002_fires_at_a_host_exception_that_wins_over_the_feature() =>
        VerifyAsync(RecoveryFleet.WithHostMembers("    [PerHost]\n    void Exceptions(NixOS os) => {|#0:os.Services.OpenSsh.Settings.PasswordAuthentication = Mk.Force(true)|};"),
            Diagnostic("LUX1002", 0, "orion: password authentication must be disabled (SSH recovery): this sets services.openssh.settings.PasswordAuthentication = true " +
                "(it wins at priority 50); set it to false"));

    [Fact]
    public Task LUX1002_fires_in_a_feature_reached_through_a_profile() =>
        VerifyAsync(RecoveryFleet.With(
                (PasswordFalse, ""),
                ("public override Aspects Includes => [new OpenSsh()];", "public override Aspects Includes => [new Server()];")) + """
                [Profile]
                public sealed record Server : Profile
                {
                    public override Aspects Includes => [new OpenSsh(), new Convenience()];
                }

                [Feature]
                public sealed record Convenience : Feature
                {
                    [PerHost]
                    void Os(NixOS os) => {|#0:os.Services.OpenSsh.Settings.PasswordAuthentication = Mk.Default(true)|};
                }
                """,
            Diagnostic("LUX1002", 0, "orion: password authentication must be disabled (SSH recovery): this sets services.openssh.settings.PasswordAuthentication = true " +
                "(it wins at priority 1000); set it to false"));

    [Fact]
    public Task LUX1002_is_silent_when_the_feature_overrides_what_another_defaults_on() =>
        VerifyAsync(RecoveryFleet.With(("public override Aspects Includes => [new OpenSsh()];", "public override Aspects Includes => [new Convenience(), new OpenSsh()];")) + """
            [Feature]
            public sealed record Convenience : Feature
            {
                [PerHost]
                void Os(NixOS os) => os.Services.OpenSsh.Settings.PasswordAuthentication = Mk.Default(true);
            }
            """);

    [Fact]
    public Task LUX1002_says_null_drops_the_directive() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse, "{|#0:os.Services.OpenSsh.Settings.PasswordAuthentication = null|};")),
            Diagnostic("LUX1002", 0, "orion: password authentication must be disabled (SSH recovery): this sets services.openssh.settings.PasswordAuthentication = null, " +
                "which drops the directive and leaves sshd's default (yes); set it to false"));

    [Fact]
    public Task LUX1002_fires_at_an_untyped_Set() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse, "{|#0:os.Set(\"services.openssh.settings.PasswordAuthentication\", true)|};")),
            Diagnostic("LUX1002", 0, "orion: password authentication must be disabled (SSH recovery): this sets services.openssh.settings.PasswordAuthentication = true; set it to false"));

    [Fact]
    public Task LUX1002_cannot_be_met_by_raw_Nix_it_cannot_check() =>
        VerifyAsync(RecoveryFleet.With((PasswordFalse, "{|#0:os.Services.OpenSsh.Settings.PasswordAuthentication = Nix.Raw<bool>(\"lib.mkDefault false\")|};")),
            Diagnostic("LUX1002", 0, "orion: password authentication must be disabled (SSH recovery): this defines services.openssh.settings.PasswordAuthentication as the Nix expression " +
                "'lib.mkDefault false', which Lux cannot check at compile time; set it to false"));

    // LUX1003

    [Fact]
    public Task LUX1003_fires_at_prohibit_password_which_still_lets_root_in() =>
        VerifyAsync(RecoveryFleet.With((RootNo, "{|#0:os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.ProhibitPassword|};")),
            Diagnostic("LUX1003", 0, "orion: root login must be disabled (SSH recovery): this sets services.openssh.settings.PermitRootLogin = \"prohibit-password\", " +
                "which still lets root in with a key; set it to Lux.NixOSOptions.PermitRootLogin.No"));

    [Fact]
    public Task LUX1003_fires_at_the_SshRecovery_fact_when_undefined_because_the_upstream_default_is_prohibit_password() =>
        VerifyAsync(RecoveryFleet.With((RootNo, ""), RecoveryFleet.MarkRecoveryFact),
            Diagnostic("LUX1003", 0, "orion: root login must be disabled (SSH recovery): nothing defines services.openssh.settings.PermitRootLogin, so the upstream default " +
                "(\"prohibit-password\", which still lets root in with a key) applies; set os.Services.OpenSsh.Settings.PermitRootLogin = Lux.NixOSOptions.PermitRootLogin.No in a feature orion includes, or on the host"));

    // LUX1004

    [Fact]
    public Task LUX1004_fires_at_an_empty_recovery_user_list() =>
        VerifyAsync(RecoveryFleet.With(("new(Users: [new Kiri()])", "new(Users: {|#0:[]|})")),
            Diagnostic("LUX1004", 0, "orion: at least one recovery user must be named (SSH recovery): SshRecovery.Users is empty; name the users who recover orion over SSH: new(Users: [new Kiri()])"));

    // LUX1005

    [Fact]
    public Task LUX1005_fires_at_a_recovery_user_who_is_not_on_the_host_and_so_does_LUX2002() =>
        VerifyAsync(RecoveryFleet.With(("new(Users: [new Kiri()])", "new(Users: [new Kiri(), {|#0:new Ergon()|}])")),
            Diagnostic("LUX1005", 0, "orion: every recovery user must exist on the host (SSH recovery): ergon is not among orion's Users; add new Ergon() to Users"),
            Diagnostic("LUX2002", 0, "orion: SshRecovery.Users names ergon, who is not among orion's Users (kiri); add new Ergon() to Users, or remove it here"));

    [Fact]
    public Task LUX1005_fires_when_no_definition_declares_the_account() =>
        VerifyAsync(RecoveryFleet.With(
                ("    [PerUser]\n    void Account(User user, NixOS os) => os.Users.Users[user.Name].IsNormalUser = true;\n}\n\n[User]\npublic sealed record Ergon", "}\n\n[User]\npublic sealed record Ergon"),
                ("new(Users: [new Kiri()])", "new(Users: [{|#0:new Kiri()|}])")),
            Diagnostic("LUX1005", 0, "orion: every recovery user must exist on the host (SSH recovery): nothing declares the account: users.users.kiri is neither a normal nor a system user; " +
                "set os.Users.Users[user.Name].IsNormalUser = true in a [PerUser] gate Kiri reaches (a feature it includes, or the user's own)"));

    // LUX1006

    [Fact]
    public Task LUX1006_fires_at_a_recovery_user_without_keys() =>
        VerifyAsync(RecoveryFleet.With(
                ("public override Users Users => [new Kiri()];", "public override Users Users => [new Kiri(), new Ergon()];"),
                ("new(Users: [new Kiri()])", "new(Users: [new Kiri(), {|#0:new Ergon()|}])")),
            Diagnostic("LUX1006", 0, "orion: every recovery user must have a plain authorized SSH key (SSH recovery): users.users.ergon.openssh.authorizedKeys.keys holds no plain key; " +
                "give Ergon AuthorizedSshKeys and include a feature that writes them (os.Users.Users[user.Name].OpenSsh.AuthorizedKeys.Keys = user.AuthorizedSshKeys)"));

    [Fact]
    public Task LUX1006_does_not_count_keyFiles() =>
        VerifyAsync(RecoveryFleet.With(
                ("void Keys(User user, NixOS os) => os.Users.Users[user.Name].OpenSsh.AuthorizedKeys.Keys = user.AuthorizedSshKeys;",
                 "void Keys(User user, NixOS os) => os.Users.Users[user.Name].OpenSsh.AuthorizedKeys.KeyFiles = [Nix.Raw(\"./keys/\" + user.Name + \".pub\")];"),
                ("new(Users: [new Kiri()])", "new(Users: [{|#0:new Kiri()|}])")),
            Diagnostic("LUX1006", 0, "orion: every recovery user must have a plain authorized SSH key (SSH recovery): users.users.kiri.openssh.authorizedKeys.keys is not set " +
                "(keyFiles do not count: they are read at build time); give Kiri AuthorizedSshKeys and include a feature that writes them (os.Users.Users[user.Name].OpenSsh.AuthorizedKeys.Keys = user.AuthorizedSshKeys)"));

    // LUX1007

    [Fact]
    public Task LUX1007_fires_at_the_SshRecovery_fact_when_the_host_has_no_Sops() =>
        VerifyAsync(RecoveryFleet.With(
                ("    public override Sops Sops => new() { HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\" };\n\n", ""),
                RecoveryFleet.MarkRecoveryFact),
            Diagnostic("LUX1007", 0, "orion: the SOPS SSH host key path must be set (SSH recovery): orion has no Sops fact; set Sops = new() { HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\" }"));

    [Fact]
    public Task LUX1007_fires_at_the_Sops_fact_without_a_host_key_path() =>
        VerifyAsync(RecoveryFleet.With(("public override Sops Sops => new() { HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\" };",
                "public override Sops {|#0:Sops|} => new() { AdminKeyPath = \"/var/lib/sops-nix/admin-key.txt\" };")),
            Diagnostic("LUX1007", 0, "orion: the SOPS SSH host key path must be set (SSH recovery): Sops.HostSshKeyPath is not set; " +
                "set it to the host key sops decrypts with: HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\""));

    // LUX1008

    [Fact]
    public Task LUX1008_fires_at_openFirewall_false_when_no_SSH_port_is_allowed() =>
        VerifyAsync(RecoveryFleet.With((EnableTrue, EnableTrue + "\n        {|#0:os.Services.OpenSsh.OpenFirewall = false|};")),
            Diagnostic("LUX1008", 0, "orion: SSH must be reachable through the firewall (SSH recovery): this sets services.openssh.openFirewall = false and " +
                "networking.firewall.allowedTCPPorts does not include port 22; set openFirewall to true, or allow the port on the host (os.Networking.Firewall.AllowedTCPPorts = [22];)"));

    [Theory]
    [InlineData("os.Networking.Firewall.AllowedTCPPorts = [80, 22];")]
    [InlineData("os.Networking.Firewall.Enable = false;")]
    [InlineData("os.Services.OpenSsh.Ports = [2222]; os.Networking.Firewall.AllowedTCPPorts = [2222];")]
    public Task LUX1008_is_silent_when_SSH_is_exposed_another_way(string exposure) =>
        VerifyAsync(RecoveryFleet.With((EnableTrue, EnableTrue + "\n        os.Services.OpenSsh.OpenFirewall = false;\n        " + exposure)));

    [Fact]
    public Task LUX1008_fires_when_sshd_listens_on_no_port() =>
        VerifyAsync(RecoveryFleet.With((EnableTrue, EnableTrue + "\n        {|#0:os.Services.OpenSsh.Ports = []|};")),
            Diagnostic("LUX1008", 0, "orion: SSH must be reachable through the firewall (SSH recovery): services.openssh.ports is empty, so sshd listens on no port; " +
                "leave it at its default [22] or list the ports sshd listens on"));

    [Fact]
    public Task A_conflict_on_a_policy_option_is_LUX2001_only_and_names_both_places() =>
        VerifyAsync(RecoveryFleet.WithHostMembers("    [PerHost]\n    void Exceptions(NixOS os) => {|#1:os.Services.OpenSsh.Settings.PasswordAuthentication = true|};",
                (PasswordFalse, "{|#0:os.Services.OpenSsh.Settings.PasswordAuthentication = false|};")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("LUX2001", Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0).WithLocation(1)
                .WithMessage("orion: the option 'services.openssh.settings.PasswordAuthentication' is defined as false here and as true at /0/Test1.cs(44,34); " +
                    "give one of them priority with Mk.Force or Mk.Default, or remove one"));
}
