namespace MyFleet;

/// <summary>
/// The OpenSSH server and every user's authorized keys. Only the host's own users may log in;
/// no passwords, no root.
/// </summary>
[Feature]
public sealed record OpenSsh : Feature
{
    [PerHost]   // once per host whose composition reaches this feature
    void Server(Host host, NixOS os)
    {
        os.Services.OpenSsh.Enable = true;
        os.Services.OpenSsh.OpenFirewall = true;
        os.Services.OpenSsh.Settings.PasswordAuthentication = false;
        os.Services.OpenSsh.Settings.KbdInteractiveAuthentication = false;
        os.Services.OpenSsh.Settings.PermitRootLogin = PermitRootLogin.No;
        os.Services.OpenSsh.Settings.AllowUsers = host.Users.Names;
    }

    [PerUser]   // once per (host, user) pair
    void AuthorizedKeys(User user, NixOS os) =>
        os.Users.Users[user.Name].OpenSsh.AuthorizedKeys.Keys = user.AuthorizedSshKeys;
}
