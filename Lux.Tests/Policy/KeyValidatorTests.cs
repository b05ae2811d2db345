using Lux.Generators.Check.Integrity;

namespace Lux.Tests.Policy;

/// <summary>The SSH public key (LUX2004) and age recipient (LUX2005) validators, on keys made with ssh-keygen and age-keygen.</summary>
public sealed class KeyValidatorTests
{
    public const string Rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDHmTBwwCH1rhy6XOCGcFeFpeowC9qnlwPpgpwxRgvesUUVH6ng8GkXlUenC07LdAPUKeLLecERaVCOvvkX+hKLqx77WgeZgWTxPQE1ss2F3m2YOwgkAzSaR5eNzyNtG74vuvpiZwDmKebcQ3KEzcmouQ2j3/5mZmqJqfAY3BT1paUG1EH+ZVu1Oa1616Gdq+TyZ1cdZITpTIvQlH6Q+zfJPpiAdY7KWx2+bHxW4PvwhCYoPta3ya97qWwU+o43X+uKjLz3e9AaofX+NlP03z1rcMjXnJ3iososKgKaSzamQDc81euLEyvi79r33EIwPwI9VMg0L0trufpXDauahnCV test";
    public const string Ecdsa256 = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBLP34yTkIKIh7Y5aKga5JREtM9mFnGrr6cZXtwVwHQvD36Kxv1KsZN/DmbCmmRsYnHpnIUcB3+2uEpW/Is/BHq0= test";
    public const string Ecdsa384 = "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBCIHRWHfCUFeQM9l9EzqIExFSmfCuxm1CC9FbKwp3y11DaX3TYkxLLFQHn4OvqY4CRrAlEmFettYhLp0yox8uuaWSqxoWh2cNz5QOobJRk5aeimeuYOrI0+MgV7cjeqUhQ== test";
    public const string Ecdsa521 = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAEbVu62lBfATNBoyv+0zcTrB7/vX/BmOXAr2NKXy/FJNA3t0No0fRt1EMXmusTF8QRxlQpRZbMUIkOAvWxJmVAYpwFZA3Lb+9LF/AJ5iuzSnnUYtoZrkn0HgkWBkkrxFd+msGn4bXb9fEJ+mnOOPt9kXZLARukyUzV7wZ+G/ohWf0VVPg== test";
    public const string Ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOkHu8Zsr8o98aRsQACL3q0SltvcIhx4DalcK2WM4QvG test";
    public const string Ed25519Blob = "AAAAC3NzaC1lZDI1NTE5AAAAIOkHu8Zsr8o98aRsQACL3q0SltvcIhx4DalcK2WM4QvG";
    public const string AgeRecipientKey = "age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42g";

    [Theory]
    [InlineData(Rsa)]
    [InlineData(Ecdsa256)]
    [InlineData(Ecdsa384)]
    [InlineData(Ecdsa521)]
    [InlineData(Ed25519)]
    [InlineData("ssh-ed25519 " + Ed25519Blob)]
    [InlineData("  ssh-ed25519 " + Ed25519Blob + " comment with spaces  ")]
    [InlineData("no-pty,command=\"echo a b\" ssh-ed25519 " + Ed25519Blob + " kiri")]
    [InlineData(RecoveryFleet.KiriKey)]
    [InlineData(RecoveryFleet.ErgonKey)]
    public void Well_formed_public_keys_pass(string key) => SshPublicKeyFormat.Problem(key).Should().BeNull();

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("AAAAC3NzaC1lZDI1NTE5AAAAIOkHu8Zsr8o98aRsQACL3q0SltvcIhx4DalcK2WM4QvG", "it does not start with a key type")]
    [InlineData("ssh-dss AAAAB3NzaC1kc3MAAACBAP test", "'ssh-dss' is not a key type OpenSSH accepts")]
    [InlineData("ssh-ed25519", "it has no key data after 'ssh-ed25519'")]
    [InlineData("ssh-ed25519 AAAA!!!!", "its key data is not valid base64")]
    [InlineData("ssh-rsa " + Ed25519Blob + " test", "its key data is a 'ssh-ed25519' key but the line says 'ssh-rsa'")]
    [InlineData("ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBLP34yTkIKIh7Y5aKga5JREtM9mFnGrr6cZXtwVwHQvD36Kxv1KsZN/DmbCmmRsYnHpnIUcB3+2uEpW/Is/BHq0= test", "the line says 'ecdsa-sha2-nistp384'")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOkHu8Zsr8o98aRsQACL3q0SltvcIg== test", "its key data is cut short: the ed25519 key is missing or malformed")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5", "its key data is cut short")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOkHu8Zsr8o98aRsQACL3q0SltvcIhx4DalcK2WM4QvGAAAA test", "bytes after the key")]
    [InlineData("ssh-ed25519 " + Ed25519Blob + "\nssh-ed25519 " + Ed25519Blob, "it spans several lines")]
    public void Malformed_public_keys_say_what_is_wrong(string key, string problem) =>
        SshPublicKeyFormat.Problem(key).Should().Contain(problem);

    [Theory]
    [InlineData(AgeRecipientKey)]
    [InlineData("AGE1U0WEE2TGZA0KKKYYQ9Y4YEEVSHQ2FDUUYWYW0MS8FE440ZASYA7QQ7X42G")]
    [InlineData("age1xxxsnsretdyj46p6428v6r92v4r20u3h9gzg8c5p75nzd7flsq8qgqkkfh")]
    [InlineData("age1f0jmcvhy365htv5sg6pmpd7mxpuxrx7unyyxmlhyyd9hhg8kugaqyc8m3n")]
    public void Well_formed_age_recipients_pass(string recipient) => AgeRecipientFormat.Problem(recipient).Should().BeNull();

    [Theory]
    [InlineData("age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42h", "its checksum does not match")]
    [InlineData("age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x4", "its checksum does not match")]
    [InlineData("age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42b", "'b' is not a Bech32 character")]
    [InlineData("Age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42g", "it mixes upper and lower case")]
    [InlineData("agex1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42g", "it does not start with 'age1'")]
    [InlineData(" " + AgeRecipientKey, "it has spaces around it")]
    [InlineData("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq", "checksum")]
    public void Malformed_age_recipients_say_what_is_wrong(string recipient, string problem) =>
        AgeRecipientFormat.Problem(recipient).Should().Contain(problem);

    [Fact]
    public void A_checksum_valid_recipient_of_the_wrong_length_is_refused()
    {
        // Bech32 of 20 zero bytes under "age": valid checksum, wrong payload for an X25519 key.
        AgeRecipientFormat.Problem("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqn3dls8").Should().Be("it holds 20 bytes, not the 32 of an X25519 key");
    }
}
