namespace MyFleet;

/// <summary>The fleet's user, on every host that lists them.</summary>
[User]
public sealed record ExampleUser : User
{
    public override string Description => "ExampleUser";

    public override SshKeys AuthorizedSshKeys => [Keys.ExampleUser];

    public override Aspects Includes => [new Account()];
}
