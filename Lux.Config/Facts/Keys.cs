namespace Lux.Config;

/// <summary>
/// Public keys of the fleet, made for this example with ssh-keygen and age-keygen. Only public halves
/// live here: private keys never enter the config (LUX2006).
/// </summary>
public static class Keys
{
    public const string Kiri = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILw11DZ6CfE18wxKOEyRLNz+sY9eZ6Ic2rf4Lzl4u12T kiri";

    public const string Ergon = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHrRcbdINJA3o5BDdmWXMNy84RRZsCVxz8fmbVrYGReq ergon";

    /// <summary>orion's /etc/ssh/ssh_host_ed25519_key.pub (kept across installs with nixos-anywhere --copy-host-keys).</summary>
    public const string OrionHost = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIH/NyxbLc2jhx44uq7pkDeK0KN4L4Q3Y9ZTM2TodKrln orion-host";

    /// <summary>The admin age recipient; its identity is /var/lib/sops-nix/admin-key.txt, provisioned out of band.</summary>
    public const string AdminAge = "age1xxxsnsretdyj46p6428v6r92v4r20u3h9gzg8c5p75nzd7flsq8qgqkkfh";

    /// <summary>ssh-to-age of <see cref="OrionHost"/>: orion decrypts with its own host key.</summary>
    public const string OrionAge = "age1f0jmcvhy365htv5sg6pmpd7mxpuxrx7unyyxmlhyyd9hhg8kugaqyc8m3n";
}
