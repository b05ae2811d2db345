using Lux.Tests.Generator;
using static Lux.Tests.Policy.LuxVerifier;

namespace Lux.Tests.Policy;

/// <summary>The fleet's integrity (LUX2002–LUX2006), each reported where the cause is written.</summary>
public sealed class IntegrityRuleTests
{
    // Built from pieces so no test source holds a key header a secret scanner would flag.
    public const string PemHeader = "-----BEGIN OPENSSH " + "PRIVATE KEY-----";
    public const string AgeSecret = "AGE-SECRET-" + "KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ";

    private const string Secrets = """
        [Secrets]
        public sealed record FleetSecrets : SecretsPolicy
        {
            public override IReadOnlyList<AgeRecipient> Recipients => [new AgeRecipient("admin", "age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42g")];
        }
        """;

    // LUX2002

    [Fact]
    public Task LUX2002_fires_at_an_admin_key_user_who_is_not_on_the_host() =>
        VerifyAsync(RecoveryFleet.With(("new() { HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\" }",
                "new() { HostSshKeyPath = \"/etc/ssh/ssh_host_ed25519_key\", AdminKeyPath = \"/var/lib/sops-nix/admin-key.txt\", AdminKeyUsers = [new Kiri(), {|#0:new Ergon()|}] }")),
            Diagnostic("LUX2002", 0, "orion: Sops.AdminKeyUsers names ergon, who is not among orion's Users (kiri); add new Ergon() to Users, or remove it here"));

    // LUX2003

    [Fact]
    public Task LUX2003_fires_at_both_users_that_share_a_name() =>
        VerifyAsync(RecoveryFleet.With(("public sealed record Ergon : User\n{", "public sealed record {|#0:Ergon|} : User\n{\n    public override string Name => \"kiri\";\n"),
                ("public sealed record Kiri : User", "public sealed record {|#1:Kiri|} : User")),
            Diagnostic("LUX2003", 0, "Two users are named 'kiri' (Ergon, Kiri); user names are account names and must be unique: override Name on one of them"),
            Diagnostic("LUX2003", 1, "Two users are named 'kiri' (Ergon, Kiri); user names are account names and must be unique: override Name on one of them"));

    [Fact]
    public Task LUX2003_fires_at_both_hosts_that_share_a_name() =>
        VerifyAsync(RecoveryFleet.With(("public sealed record Orion : Host", "public sealed record {|#0:Orion|} : Host")) +
                "[Host] public sealed record {|#1:Orion2|} : Host { public override string Name => \"orion\"; }\n",
            Diagnostic("LUX2003", 0, "Two hosts are named 'orion' (Orion, Orion2); host names must be unique: override Name on one of them"),
            Diagnostic("LUX2003", 1, "Two hosts are named 'orion' (Orion, Orion2); host names must be unique: override Name on one of them"));

    [Fact]
    public Task LUX2003_fires_at_a_display_listed_twice() =>
        VerifyAsync(RecoveryFleet.WithHostMembers("    public override Displays Displays => [new Display(\"DP-1\", 2560, 1440, 165.0), {|#0:new Display(\"DP-1\", 1920, 1080, 60.0)|}];"),
            Diagnostic("LUX2003", 0, "orion lists the display 'DP-1' more than once; each output has one entry"));

    [Fact]
    public Task LUX2003_fires_at_a_user_listed_twice_on_a_host() =>
        VerifyAsync(RecoveryFleet.With(("public override Users Users => [new Kiri()];", "public override Users {|#0:Users|} => [new Kiri(), new Kiri()];")),
            Diagnostic("LUX2003", 0, "orion lists the user 'kiri' more than once"));

    // LUX2004

    [Fact]
    public Task LUX2004_fires_once_at_the_key_in_the_users_list_not_where_a_feature_copies_it() =>
        VerifyAsync(RecoveryFleet.With((RecoveryFleet.KiriKey + "\"", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILw11DZ6CfE18wxKOEyRLNz kiri\"")
                , ("public override SshKeys AuthorizedSshKeys => [\"", "public override SshKeys AuthorizedSshKeys => [{|#0:\""), ("NzaC1lZDI1NTE5AAAAILw11DZ6CfE18wxKOEyRLNz kiri\"]", "NzaC1lZDI1NTE5AAAAILw11DZ6CfE18wxKOEyRLNz kiri\"|}]")),
            Diagnostic("LUX2004", 0, "Kiri.AuthorizedSshKeys: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5…' is not a valid SSH public key: its key data is not valid base64 " +
                "(a character lost or added in copying?); paste the whole line of the key's .pub file"));

    [Fact]
    public Task LUX2004_fires_at_a_malformed_key_assigned_to_authorizedKeys() =>
        VerifyAsync(RecoveryFleet.WithHostMembers("    [PerHost]\n    void Extra(NixOS os) => {|#0:os.Users.Users[\"kiri\"].OpenSsh.AuthorizedKeys.Keys = [\"ssh-rsa " + KeyValidatorTests.Ed25519Blob + " laptop\"]|};"),
            Diagnostic("LUX2004", 0, "users.users.kiri.openssh.authorizedKeys.keys: 'ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAA…' is not a valid SSH public key: " +
                "its key data is a 'ssh-ed25519' key but the line says 'ssh-rsa'; paste the whole line of the key's .pub file"));

    // LUX2005

    [Fact]
    public Task LUX2005_fires_at_the_key_of_a_recipient_with_a_bad_checksum() =>
        VerifyAsync(RecoveryFleet.Valid + Secrets.Replace("\"age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42g\"", "{|#0:\"age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42h\"|}"),
            Diagnostic("LUX2005", 0, "The recipient 'admin' ('age1u0wee2tgza0kkkyyq9y4yeevshq2…') is not an age recipient: its checksum does not match (a character changed in copying?); " +
                "copy the 'Public key: age1…' line age-keygen prints, or ssh-to-age's output"));

    [Fact]
    public Task A_valid_secrets_policy_is_silent() => VerifyAsync(RecoveryFleet.Valid + Secrets);

    // LUX2006

    [Fact]
    public Task LUX2006_fires_at_any_string_literal_holding_a_private_key_even_unused() =>
        VerifyAsync(RecoveryFleet.Valid + "public static class Leaked { public const string Key = {|#0:\"" + PemHeader + "\\nb3BlbnNzaC1rZXktdjE=\"|}; }\n",
            Diagnostic("LUX2006", 0, "This string holds a private key (BEGIN OPENSSH PRIVATE KEY); " + PrivateKeyAdvice));

    [Fact]
    public Task LUX2006_fires_where_a_built_value_with_a_private_key_enters_the_config() =>
        VerifyAsync(RecoveryFleet.WithHostMembers("    [PerHost]\n    void Leak(NixOS os) => {|#0:os.Set(\"environment.etc.key.text\", \"" + PemHeader[..20] + "\" + \"" + PemHeader[20..] + "\")|};"),
            Diagnostic("LUX2006", 0, "This defines environment.etc.key.text with a private key (BEGIN OPENSSH PRIVATE KEY); " + PrivateKeyAdvice));

    [Fact]
    public Task LUX2006_fires_once_at_an_age_secret_key_used_as_a_recipient() =>
        VerifyAsync(RecoveryFleet.Valid + Secrets.Replace("\"age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42g\"", "{|#0:\"" + AgeSecret + "\"|}"),
            Diagnostic("LUX2006", 0, "This string holds an age secret key; " + PrivateKeyAdvice));

    private const string PrivateKeyAdvice = "private keys never go into the config: keep them in a SOPS secret or provision them out of band (nixos-anywhere --extra-files), and reference their path";

    [Fact]
    public void LUX2006_material_never_reaches_generated_sources_and_blocks_nix_out()
    {
        var run = LuxRun.Of(RecoveryFleet.WithHostMembers("    [PerHost]\n    void Leak(NixOS os) => os.Set(\"environment.etc.key.text\", \"" + PemHeader[..20] + "\" + \"" + PemHeader[20..] + "\\nb3Bl\");") +
            Secrets.Replace("\"age1u0wee2tgza0kkkyyq9y4yeevshq2fduuywyw0ms8fe440zasya7qq7x42g\"", "\"age1\" + \"" + AgeSecret + "\""));
        run.ManifestErrors.Should().Contain(e => e.Contains("LUX2006") && e.Contains("environment.etc.key.text"));
        run.ManifestErrors.Should().Contain(e => e.Contains("LUX2006") && e.Contains("'admin'"));
        var generated = run.Result.Results.SelectMany(r => r.GeneratedSources).Select(s => s.SourceText.ToString()).ToList();
        generated.Should().NotBeEmpty();
        generated.Should().NotContain(s => s.Contains(PemHeader, StringComparison.Ordinal) || s.Contains("AGE-SECRET-" + "KEY-1", StringComparison.OrdinalIgnoreCase));
        run.Files.Should().NotContainKey("hosts/orion/default.nix").And.NotContainKey(".sops.yaml");
        run.Files.Should().ContainKey("flake.nix", "files without the material are still generated; the manifest's errors keep the writer from writing any of them");
    }

    [Fact]
    public void LUX2006_in_a_hand_written_Nix_file_is_reported_at_the_Hardware_fact()
    {
        var run = LuxRun.Of(
            [(LuxRun.ProjectDirectory + "Fleet.cs", RecoveryFleet.WithHostMembers("    public override NixFile Hardware => new(\"hardware/orion.nix\");"))],
            [(LuxRun.ProjectDirectory + "hardware/orion.nix", "{ ... }: { environment.etc.key.text = ''\n" + PemHeader + "\n''; }\n")]);
        var error = run.AnalyzerDiagnostics().Should().ContainSingle().Which;
        error.Id.Should().Be("LUX2006");
        error.GetMessage().Should().Be("orion: the Nix file /fleet/hardware/orion.nix holds a private key (BEGIN OPENSSH PRIVATE KEY); " + PrivateKeyAdvice);
        error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan).Should().Be("Hardware");
        run.Files.Should().NotContainKey("hosts/orion/hardware-configuration.nix");
        run.Result.Results.SelectMany(r => r.GeneratedSources).Should().NotContain(s => s.SourceText.ToString().Contains(PemHeader, StringComparison.Ordinal));
        run.ManifestErrors.Should().ContainSingle(e => e.Contains("LUX2006"));
    }
}
