namespace Lux.Config;

/// <summary>
/// The work user, on polaris and zenith. Deliberately explicit rather than PrimaryUser: the account
/// is declared here, with the same groups, until a shared pattern has earned its place.
/// </summary>
[User]
public sealed record Ergon : User
{
    public override string Description => "Ergon (work)";

    public override string Email => "ergon@example.org";

    public override SshKeys AuthorizedSshKeys => [Keys.Ergon];

    [PerUser]
    void Account(User user, NixOS os)
    {
        os.Users.Users[user.Name].IsNormalUser = true;
        os.Users.Users[user.Name].Description = user.Description;
        os.Users.Users[user.Name].ExtraGroups = ["wheel", "networkmanager"];
    }
}
