namespace Lux.Config;

/// <summary>den's primary-user battery: a normal account in wheel and networkmanager.</summary>
[Feature]
public sealed record PrimaryUser : Feature
{
    [PerUser]
    void Account(User user, NixOS os)
    {
        os.Users.Users[user.Name].IsNormalUser = true;
        os.Users.Users[user.Name].Description = user.Description;
        os.Users.Users[user.Name].ExtraGroups = ["wheel", "networkmanager"];
    }
}
