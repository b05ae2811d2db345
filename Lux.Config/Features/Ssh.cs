namespace Lux.Config;

/// <summary>
/// The user's SSH identity on the client side: git signs commits with the SSH key.
/// No repo-managed GPG.
/// </summary>
[Feature]
public sealed record Ssh : Feature
{
    [PerUser]
    void Git(User user, HomeManager home)
    {
        home.Programs.Git.Enable = true;
        home.Programs.Git.Set("settings.user.name", user.Description); // gitconfig is free-form: sections are names below settings
        home.Programs.Git.Set("settings.user.email", user.Email);
        // Set explicitly: leaving the format at its default makes home-manager warn.
        home.Programs.Git.Signing.Format = SigningFormat.Ssh;
        home.Programs.Git.Signing.Key = user.AuthorizedSshKeys.First();
        home.Programs.Git.Signing.SignByDefault = true;
    }
}
