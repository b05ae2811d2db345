namespace MyFleet;

//#if (recovery)
/// <summary>A VPS, reachable only over SSH: the SSH recovery policy (LUX1001-LUX1008) applies.</summary>
//#else
/// <summary>The fleet's first machine. Hosts stay thin: facts and composition.</summary>
//#endif
[Host]
public sealed record ExampleHost : Host
{
    public override string StateVersion => "25.11";

    /// <summary>Replace with the output of nixos-generate-config --show-hardware-config on the machine.</summary>
    public override NixFile Hardware => new("Hosts/hardware/examplehost.nix");

    public override Users Users => [new ExampleUser()];
//#if (recovery)

    /// <summary>Who must always be able to log in over SSH; the build fails on any config that would lock them out.</summary>
    public override SshRecovery SshRecovery => new(Users: [new ExampleUser()]);

    /// <summary>The host decrypts its secrets with its own SSH host key, kept across reinstalls (LUX1007).</summary>
    public override Sops Sops => new() { HostSshKeyPath = "/etc/ssh/ssh_host_ed25519_key" };
//#endif

    public override Aspects Includes => [new Server()];
}
