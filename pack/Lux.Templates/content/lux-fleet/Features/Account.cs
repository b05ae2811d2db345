namespace MyFleet;

/// <summary>A normal login account in wheel, and the user's own git identity in home-manager.</summary>
[Feature]
public sealed record Account : Feature
{
    [PerUser]
    void Login(User user, NixOS os)
    {
        os.Users.Users[user.Name].IsNormalUser = true;
        os.Users.Users[user.Name].Description = user.Description;
        os.Users.Users[user.Name].ExtraGroups = ["wheel"];
    }
}
