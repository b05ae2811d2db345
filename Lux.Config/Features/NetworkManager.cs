namespace Lux.Config;

/// <summary>NetworkManager, for machines that move between networks or need a desktop applet.</summary>
[Feature]
public sealed record NetworkManager : Feature
{
    [PerHost]
    void Enable(NixOS os) => os.Networking.NetworkManager.Enable = true;
}
