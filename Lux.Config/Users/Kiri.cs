namespace Lux.Config;

/// <summary>The primary user, on every host.</summary>
[User]
public sealed record Kiri : User
{
    public override string Description => "Kiri";

    public override string Email => "kiri@example.org";

    public override SshKeys AuthorizedSshKeys => [Keys.Kiri];

    public override Aspects Includes => [new PrimaryUser()];
}
