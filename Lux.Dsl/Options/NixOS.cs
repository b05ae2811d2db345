using System.Collections.Generic;

namespace Lux
{
    /// <summary>The NixOS configuration of one host, as a <c>[PerHost]</c> or <c>[PerUser]</c> method sees it.</summary>
    [NixOptions]
    public sealed class NixOS : OptionNode
    {
        public ServicesOptions Services { get; set; } = new();
        public UsersGroupsOptions Users { get; set; } = new();
        public NetworkingOptions Networking { get; set; } = new();
        public SopsOptions Sops { get; set; } = new();
        public ProgramsOptions Programs { get; set; } = new();
        public SystemdOptions Systemd { get; set; } = new();
        public SystemOptions System { get; set; } = new();
        public EnvironmentOptions Environment { get; set; } = new();
    }

    [NixOptions]
    public sealed class ServicesOptions : OptionNode
    {
        [Nix("openssh")] public OpenSshOptions OpenSsh { get; set; } = new();
    }

    /// <summary><c>services.openssh</c>.</summary>
    [NixOptions]
    public sealed class OpenSshOptions : OptionNode
    {
        public bool? Enable { get; set; }
        /// <summary>Default true upstream: adds <see cref="Ports"/> to the firewall.</summary>
        public bool? OpenFirewall { get; set; }
        public IReadOnlyList<int>? Ports { get; set; }
        public OpenSshSettings Settings { get; set; } = new();
    }

    /// <summary><c>services.openssh.settings</c>: sshd_config directives, named as sshd names them.</summary>
    [NixOptions]
    public sealed class OpenSshSettings : OptionNode
    {
        [Nix("PasswordAuthentication")] public bool? PasswordAuthentication { get; set; }
        /// <summary>"yes", "without-password", "prohibit-password", "forced-commands-only" or "no".</summary>
        [Nix("PermitRootLogin")] public string? PermitRootLogin { get; set; }
        [Nix("AllowUsers")] public IReadOnlyList<string>? AllowUsers { get; set; }
        [Nix("KbdInteractiveAuthentication")] public bool? KbdInteractiveAuthentication { get; set; }
        [Nix("X11Forwarding")] public bool? X11Forwarding { get; set; }
    }

    /// <summary><c>users</c>.</summary>
    [NixOptions]
    public sealed class UsersGroupsOptions : OptionNode
    {
        public AttrsOf<UserOptions> Users { get; set; } = new();
        public AttrsOf<GroupOptions> Groups { get; set; } = new();
        public bool? MutableUsers { get; set; }
    }

    /// <summary><c>users.users.&lt;name&gt;</c>.</summary>
    [NixOptions]
    public sealed class UserOptions : OptionNode
    {
        public bool? IsNormalUser { get; set; }
        public bool? IsSystemUser { get; set; }
        public string? Description { get; set; }
        public string? Group { get; set; }
        public string? Home { get; set; }
        public IReadOnlyList<string>? ExtraGroups { get; set; }
        public NixExpr? Shell { get; set; }
        public string? HashedPasswordFile { get; set; }
        [Nix("openssh")] public UserOpenSshOptions OpenSsh { get; set; } = new();
    }

    [NixOptions]
    public sealed class UserOpenSshOptions : OptionNode
    {
        public AuthorizedKeysOptions AuthorizedKeys { get; set; } = new();
    }

    /// <summary><c>users.users.&lt;name&gt;.openssh.authorizedKeys</c>.</summary>
    [NixOptions]
    public sealed class AuthorizedKeysOptions : OptionNode
    {
        /// <summary>Inline public keys.</summary>
        public IReadOnlyList<string>? Keys { get; set; }
        /// <summary>Files holding public keys, read at build time.</summary>
        public IReadOnlyList<NixExpr>? KeyFiles { get; set; }
    }

    /// <summary><c>users.groups.&lt;name&gt;</c>. Assign <c>new()</c> to declare a group.</summary>
    [NixOptions]
    public sealed class GroupOptions : OptionNode
    {
        public int? Gid { get; set; }
        public IReadOnlyList<string>? Members { get; set; }
    }

    [NixOptions]
    public sealed class NetworkingOptions : OptionNode
    {
        public string? HostName { get; set; }
        public FirewallOptions Firewall { get; set; } = new();
        [Nix("networkmanager")] public NetworkManagerOptions NetworkManager { get; set; } = new();
    }

    /// <summary><c>networking.firewall</c>.</summary>
    [NixOptions]
    public sealed class FirewallOptions : OptionNode
    {
        public bool? Enable { get; set; }
        [Nix("allowedTCPPorts")] public IReadOnlyList<int>? AllowedTcpPorts { get; set; }
        [Nix("allowedUDPPorts")] public IReadOnlyList<int>? AllowedUdpPorts { get; set; }
    }

    [NixOptions]
    public sealed class NetworkManagerOptions : OptionNode
    {
        public bool? Enable { get; set; }
    }

    /// <summary><c>sops</c> (sops-nix's NixOS module).</summary>
    [NixOptions]
    public sealed class SopsOptions : OptionNode
    {
        public NixExpr? DefaultSopsFile { get; set; }
        public bool? ValidateSopsFiles { get; set; }
        public SopsAgeOptions Age { get; set; } = new();
        public SopsGnupgOptions Gnupg { get; set; } = new();
        public AttrsOf<SopsSecretOptions> Secrets { get; set; } = new();
    }

    /// <summary><c>sops.age</c>.</summary>
    [NixOptions]
    public sealed class SopsAgeOptions : OptionNode
    {
        public string? KeyFile { get; set; }
        /// <summary>Defaults to the ed25519 host keys when OpenSSH is enabled; set <c>[]</c> to decrypt with the key file only.</summary>
        public IReadOnlyList<string>? SshKeyPaths { get; set; }
        public bool? GenerateKey { get; set; }
    }

    [NixOptions]
    public sealed class SopsGnupgOptions : OptionNode
    {
        public IReadOnlyList<string>? SshKeyPaths { get; set; }
    }

    /// <summary><c>sops.secrets.&lt;name&gt;</c>.</summary>
    [NixOptions]
    public sealed class SopsSecretOptions : OptionNode
    {
        public string? Owner { get; set; }
        public string? Group { get; set; }
        public string? Mode { get; set; }
        public string? Path { get; set; }
        public NixExpr? SopsFile { get; set; }
        public string? Key { get; set; }
        public bool? NeededForUsers { get; set; }
        public IReadOnlyList<string>? RestartUnits { get; set; }
    }

    [NixOptions]
    public sealed class ProgramsOptions : OptionNode
    {
        public NiriOptions Niri { get; set; } = new();
    }

    /// <summary><c>programs.niri</c> (niri-flake's NixOS module).</summary>
    [NixOptions]
    public sealed class NiriOptions : OptionNode
    {
        public bool? Enable { get; set; }
        public NixExpr? Package { get; set; }
    }

    [NixOptions]
    public sealed class SystemdOptions : OptionNode
    {
        public TmpfilesOptions Tmpfiles { get; set; } = new();
    }

    /// <summary><c>systemd.tmpfiles</c>.</summary>
    [NixOptions]
    public sealed class TmpfilesOptions : OptionNode
    {
        /// <summary>tmpfiles.d(5) lines: <c>Type Path Mode User Group Age</c>.</summary>
        public IReadOnlyList<string>? Rules { get; set; }
    }

    [NixOptions]
    public sealed class SystemOptions : OptionNode
    {
        public string? StateVersion { get; set; }
    }

    [NixOptions]
    public sealed class EnvironmentOptions : OptionNode
    {
        public IReadOnlyList<NixExpr>? SystemPackages { get; set; }
    }
}
