namespace Lux.Config;

/// <summary>
/// Desktop conventions for every user of a graphical host. Both options are set explicitly so
/// home-manager's 26.05 default-change warnings stay quiet.
/// </summary>
[Feature]
public sealed record Desktop : Feature
{
    [PerUser]
    void Home(HomeManager home)
    {
        home.Gtk.Enable = true;
        home.Gtk.Gtk4.Theme = null;
        home.Xdg.Enable = true;
        home.Xdg.UserDirs.Enable = true;
        home.Xdg.UserDirs.CreateDirectories = true;
        home.Xdg.UserDirs.SetSessionVariables = true;
    }
}
