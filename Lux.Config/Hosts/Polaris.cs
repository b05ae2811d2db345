namespace Lux.Config;

/// <summary>The main machine: a desktop with two monitors.</summary>
[Host]
public sealed record Polaris : Host
{
    public override string StateVersion => "25.11";
    public override NixFile Hardware => new("Hosts/hardware/polaris.nix");

    public override Users Users => [new Kiri(), new Ergon()];

    /// <summary>The source of truth for polaris's niri outputs.</summary>
    public override Displays Displays =>
    [
        new Display("DP-1", 2560, 1440, 165.0) { X = 0, Y = 0 },
        new Display("HDMI-A-1", 1920, 1080, 60.0) { X = 2560, Y = 180 },
    ];

    public override Sops Sops => new() { AdminKeyPath = Paths.AdminKey, AdminKeyUsers = [new Kiri(), new Ergon()] };

    public override Aspects Includes => [new Graphical(), new Development(), new OpenSsh(), new SopsNix()];
}
