namespace Lux.Config;

/// <summary>The laptop: Lenovo Yoga Slim 7 ProX 14ARH7, internal 14.5" 2880×1800 120 Hz panel.</summary>
[Host]
public sealed record Zenith : Host
{
    public override string StateVersion => "25.11";
    public override NixFile Hardware => new("Hosts/hardware/zenith.nix");

    public override Users Users => [new Kiri(), new Ergon()];

    public override Displays Displays => [new Display("eDP-1", 2880, 1800, 120.0) { Scale = 1.75 }];

    public override Sops Sops => new() { AdminKeyPath = Paths.AdminKey, AdminKeyUsers = [new Kiri(), new Ergon()] };

    public override Aspects Includes => [new Graphical(), new Development(), new OpenSsh(), new SopsNix()];
}
