namespace Lux.Config;

/// <summary>Well-known paths on the hosts.</summary>
public static class Paths
{
    /// <summary>The admin age key, provisioned out of band (nixos-anywhere --extra-files); config never creates it.</summary>
    public const string AdminKey = "/var/lib/sops-nix/admin-key.txt";

    public const string SshHostKey = "/etc/ssh/ssh_host_ed25519_key";
}
