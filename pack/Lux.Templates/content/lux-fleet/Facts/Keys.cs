namespace MyFleet;

/// <summary>Public keys of the fleet. Only public halves live here: private keys never enter the config (LUX2006).</summary>
public static class Keys
{
    /// <summary>ExampleUser's SSH public key: the line of ~/.ssh/id_ed25519.pub.</summary>
    public const string ExampleUser = "EXAMPLE_SSH_PUBLIC_KEY";
}
