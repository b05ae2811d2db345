namespace Lux.Config;

/// <summary>The VPS. Reachable only over SSH, so the recovery policy applies.</summary>
[Host]
public sealed record Orion : Host
{
    public override string StateVersion => "25.11";
    public override NixFile Hardware => new("Hosts/hardware/orion.nix");

    public override Users Users => [new Kiri()];

    public override SshRecovery SshRecovery => new(Users: [new Kiri()]);

    public override Sops Sops => new()
    {
        HostSshKeyPath = Paths.SshHostKey,
        AdminKeyPath = Paths.AdminKey,
        AdminKeyUsers = [new Kiri()],
    };

    /// <summary>
    /// Deployed over SSH (deploy-rs). Root login is off, so deploy-rs logs in as kiri and sudoes to root;
    /// wheel's sudo asks for kiri's password, so deploy-rs asks for it too.
    /// </summary>
    public override Deploy Deploy => new("orion") { SshUser = new Kiri().Name, InteractiveSudo = true };

    public override Aspects Includes => [new Development(), new OpenSsh(), new SopsNix()];
}
