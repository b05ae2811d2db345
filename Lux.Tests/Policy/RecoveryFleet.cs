namespace Lux.Tests.Policy;

/// <summary>
/// A minimal recovery-critical fleet that keeps every rule: orion, recovered over SSH by kiri. Tests change
/// one piece of it (with markup where a diagnostic is expected) and check what Lux reports.
/// </summary>
public static class RecoveryFleet
{
    public const string KiriKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILw11DZ6CfE18wxKOEyRLNz+sY9eZ6Ic2rf4Lzl4u12T kiri";

    public const string ErgonKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrRcbdINJA3o5BDdmWXMNy84RRZsCVxz8fmbVrYGReq ergon";

    public const string Valid = """
        [User]
        public sealed record Kiri : User
        {
            public override SshKeys AuthorizedSshKeys => ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILw11DZ6CfE18wxKOEyRLNz+sY9eZ6Ic2rf4Lzl4u12T kiri"];

            [PerUser]
            void Account(User user, NixOS os) => os.Users.Users[user.Name].IsNormalUser = true;
        }

        [User]
        public sealed record Ergon : User
        {
            [PerUser]
            void Account(User user, NixOS os) => os.Users.Users[user.Name].IsNormalUser = true;
        }

        [Feature]
        public sealed record OpenSsh : Feature
        {
            [PerHost]
            void Server(NixOS os)
            {
                os.Services.OpenSsh.Enable = true;
                os.Services.OpenSsh.Settings.PasswordAuthentication = false;
                os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.No;
            }

            [PerUser]
            void Keys(User user, NixOS os) => os.Users.Users[user.Name].OpenSsh.AuthorizedKeys.Keys = user.AuthorizedSshKeys;
        }

        [Host]
        public sealed record Orion : Host
        {
            public override Users Users => [new Kiri()];

            public override SshRecovery SshRecovery => new(Users: [new Kiri()]);

            public override Sops Sops => new() { HostSshKeyPath = "/etc/ssh/ssh_host_ed25519_key" };

            public override Aspects Includes => [new OpenSsh()];
        }

        """;

    /// <summary>The valid fleet with each (from, to) replaced; every <c>from</c> must occur exactly once.</summary>
    public static string With(params (string From, string To)[] changes)
    {
        var text = Valid;
        foreach (var (from, to) in changes)
        {
            var at = text.IndexOf(from, StringComparison.Ordinal);
            at.Should().BeGreaterThanOrEqualTo(0, "the fleet contains '" + from + "'");
            text.IndexOf(from, at + 1, StringComparison.Ordinal).Should().Be(-1, "'" + from + "' occurs once");
            text = text[..at] + to + text[(at + from.Length)..];
        }
        return text;
    }

    /// <summary>The valid fleet with members added to orion (host exceptions).</summary>
    public static string WithHostMembers(string members, params (string From, string To)[] changes) =>
        With([.. changes, ("    public override Aspects Includes => [new OpenSsh()];\n}", "    public override Aspects Includes => [new OpenSsh()];\n\n" + members + "\n}")]);

    /// <summary>The SshRecovery property, marked as location 0: where "the host needs this" is reported.</summary>
    public static readonly (string, string) MarkRecoveryFact =
        ("public override SshRecovery SshRecovery =>", "public override SshRecovery {|#0:SshRecovery|} =>");
}
