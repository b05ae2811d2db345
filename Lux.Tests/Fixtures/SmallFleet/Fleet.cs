// A small fleet of our own: two hosts, two users, a feature with both stage gates, a profile,
// a parameterised feature reached twice, priorities, and an escape hatch.
namespace Small;

[User]
public sealed record Ada : User
{
    public override SshKeys AuthorizedSshKeys => ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILw11DZ6CfE18wxKOEyRLNz+sY9eZ6Ic2rf4Lzl4u12T ada"];
    public override Aspects Includes => [new Shell("fish")];

    [PerUser]
    void Baseline(User user, NixOS os, HomeManager home)
    {
        os.Users.Users[user.Name].IsNormalUser = true;
        home.Home.StateVersion = Lux.HomeManagerOptions.StateVersion._2511;
    }
}

[User]
public sealed record Bob : User
{
    public override string Name => "bob";

    [PerUser]
    void Baseline(User user, NixOS os) => os.Users.Users[user.Name].IsNormalUser = true;
}

/// <summary>A parameterised feature: a record with properties.</summary>
[Feature]
public sealed record Shell(string Program) : Feature
{
    [PerHost]
    void Installed(NixOS os) => os.Set($"programs.{Program}.enable", true);

    [PerUser]
    void Login(User user, NixOS os) => os.Users.Users[user.Name].Shell = Nix.Raw($"pkgs.{Program}");
}

[Feature]
public sealed record Ssh : Feature
{
    [PerHost]
    void Server(Host host, NixOS os)
    {
        os.Services.OpenSsh.Enable = true;
        os.Services.OpenSsh.Settings.PasswordAuthentication = Mk.Default(true);
        os.Services.OpenSsh.Settings.AllowUsers = host.Users.Names;
        os.Networking.Firewall.AllowedTCPPorts = [22];
    }

    [PerUser]
    void Keys(User user, NixOS os)
    {
        if (user.AuthorizedSshKeys.Any())
            os.Users.Users[user.Name].OpenSsh.AuthorizedKeys.Keys = user.AuthorizedSshKeys;
    }
}

[Feature]
public sealed record Monitors : Feature
{
    [PerUser]
    void Outputs(Host host, HomeManager home)
    {
        foreach (var display in host.Displays)
            home.Programs.Niri.Settings.Outputs[display.Name] = new()
            {
                Mode = new() { Width = display.Width, Height = display.Height, Refresh = display.Refresh },
                Position = new() { X = display.X, Y = display.Y },
            };
    }
}

[Profile]
public sealed record Workstation : Profile
{
    public override Aspects Includes => [new Ssh(), new Monitors(), new Shell("fish")];
}

[Host]
public sealed record Alpha : Host
{
    public override string StateVersion => "25.11";
    public override Users Users => [new Ada(), new Bob()];
    public override Displays Displays => [new Display("DP-1", 2560, 1440, 144) { X = 0 }, new Display("eDP 1", 1920, 1200, 60.0) { X = 2560 }];
    public override Aspects Includes => [new Workstation(), new Ssh()];

    // A host-specific exception: stronger than the feature's default.
    [PerHost]
    void Exceptions(NixOS os)
    {
        os.Services.OpenSsh.Settings.PasswordAuthentication = false;
        os.Networking.Firewall.AllowedTCPPorts = [8080];
    }
}

[Host]
public sealed record Beta : Host
{
    public override string System => "aarch64-linux";
    public override Users Users => [new Ada()];
    public override Aspects Includes => [new Ssh()];

    [PerHost]
    void Exceptions(NixOS os) => os.Services.OpenSsh.Settings.AllowUsers = Mk.Force(["root"]);
}
