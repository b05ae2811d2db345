namespace Lux.Config;

/// <summary>
/// The niri compositor, one feature in two stages: the NixOS side once per host, the home-manager
/// side once per user, with outputs derived from the host's displays, so every user of a host
/// gets the same layout.
/// </summary>
[Feature]
public sealed record Niri : Feature
{
    [PerHost]
    void Compositor(NixOS os) => os.Programs.Niri.Enable = true;

    [PerUser]
    void Outputs(Host host, HomeManager home)
    {
        foreach (var display in host.Displays)
        {
            var output = home.Programs.Niri.Settings.Outputs[display.Name];
            output.Mode = new() { Width = display.Width, Height = display.Height, Refresh = display.Refresh };
            output.Position = new() { X = display.X, Y = display.Y };
            // Absent facts stay absent: niri's own defaults apply.
            if (display.Scale is not null)
                output.Scale = display.Scale;
            if (display.Rotation != 0)
                output.Transform = new() { Rotation = display.Rotation };
            if (display.VariableRefreshRate)
                output.VariableRefreshRate = true;
        }
    }
}
