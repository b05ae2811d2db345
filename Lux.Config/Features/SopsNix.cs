namespace Lux.Config;

/// <summary>
/// SOPS, host-owned. The host decrypts with its SSH host key or with the admin key file; the users
/// the host names may read that key (group sops-users) and decrypt their home-manager secrets with it.
/// The key file itself is provisioned out of band: nothing here creates it.
/// </summary>
[Feature]
public sealed record SopsNix : Feature
{
    public const string ReaderGroup = "sops-users";

    [PerHost]
    void Decryption(Host host, NixOS os)
    {
        var sops = host.Sops;
        if (sops is null)
            return;

        if (sops.HostSshKeyPath is not null)
        {
            os.Sops.Age.SshKeyPaths = [sops.HostSshKeyPath];
        }
        else
        {
            // sops-nix would otherwise fall back to the SSH host keys whenever OpenSSH is on.
            os.Sops.Age.KeyFile = sops.AdminKeyPath;
            os.Sops.Age.SshKeyPaths = [];
            os.Sops.Gnupg.SshKeyPaths = [];
        }

        if (sops.AdminKeyUsers.Any())
        {
            os.Users.Groups[ReaderGroup] = new();
            // The key's directory and the key are readable by the group. The key is provisioned out of band
            // (nix-out/bootstrap/<host>.sh places it owned by root, as the group does not exist before the
            // first activation); "z" gives an existing key its owner and mode on every boot and switch.
            var keyDirectory = sops.AdminKeyPath!.Substring(0, sops.AdminKeyPath.LastIndexOf('/'));
            os.Systemd.Tmpfiles.Rules =
            [
                $"d {keyDirectory} 0750 root {ReaderGroup} -",
                $"z {sops.AdminKeyPath} 0440 root {ReaderGroup} -",
            ];
        }
    }

    [PerUser]
    void Reader(Host host, User user, NixOS os, HomeManager home)
    {
        if (host.Sops is null || !host.Sops.AdminKeyUsers.Contains(user))
            return;
        os.Users.Users[user.Name].ExtraGroups = [ReaderGroup];
        home.Sops.Age.KeyFile = host.Sops.AdminKeyPath;
    }
}
