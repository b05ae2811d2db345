namespace Lux.Config;

/// <summary>A machine with a screen and someone in front of it.</summary>
[Profile]
public sealed record Graphical : Profile
{
    public override Aspects Includes => [new Niri(), new Desktop(), new NetworkManager()];
}
