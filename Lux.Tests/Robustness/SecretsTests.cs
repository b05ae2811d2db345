using System.Diagnostics;
using System.Text.RegularExpressions;
using Lux.Tests.Generator;

namespace Lux.Tests.Robustness;

/// <summary>
/// No private key is in the repository: not in the config, a fixture, a test or nix-out. A secret reaches a
/// host through SOPS (encrypted file, age recipients in .sops.yaml, a key file on the host), never as a value.
/// </summary>
/// <remarks>
/// The markers are split in this file, so the scan does not find itself. Code that detects private keys
/// (the LUX2006 rule in Lux.Generators) and the docs that describe it may name a marker; nothing may hold a key.
/// </remarks>
public sealed class SecretsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Begin = "-----" + "BEGIN";
    private const string AgePrefix = "AGE-SECRET-" + "KEY-1";

    /// <summary>Where a bare marker may stand: the code that detects keys and the docs that explain it.</summary>
    private static readonly string[] s_detectors = ["Lux.Generators/", "docs/"];

    /// <summary>A PEM or OpenSSH private key with its body, or a whole age identity (Bech32, 58 characters).</summary>
    private static readonly Regex s_keyMaterial = new(
        Regex.Escape(Begin) + @" (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s*[A-Za-z0-9+/=:\- ]*\r?\n\s*[A-Za-z0-9+/=]{20,}" +
        "|" + Regex.Escape(AgePrefix) + "[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Either marker alone.</summary>
    private static readonly Regex s_marker = new(
        Regex.Escape(Begin) + @" (?:[A-Z0-9.]+ )*PRIVATE KEY(?: BLOCK)?-----|" + Regex.Escape(AgePrefix),
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public void No_file_in_the_repository_holds_a_private_key()
    {
        var files = TrackedFiles();
        files.Select(f => f.Path).Should().Contain("Lux.Config/Facts/Keys.cs", "the scan must see the repository's files");
        output.WriteLine($"{files.Count} text files scanned");

        files.Where(f => s_keyMaterial.IsMatch(f.Text)).Select(f => f.Path).Should().BeEmpty();
    }

    [Fact]
    public void Private_key_markers_appear_only_in_the_code_and_docs_that_detect_them()
    {
        TrackedFiles()
            .Where(f => !s_detectors.Any(d => f.Path.StartsWith(d, StringComparison.Ordinal)))
            .SelectMany(f => s_marker.Matches(f.Text).Select(m => $"{f.Path}: {m.Value}"))
            .Should().BeEmpty("a test builds a key-shaped string from parts ({0} + ...), so no file carries one", "Begin");
    }

    [Fact]
    public void The_scan_finds_a_key_and_a_marker_when_one_is_there()
    {
        var pem = Begin + " OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ==\n-----END OPENSSH PRIVATE KEY-----\n";
        var age = AgePrefix + new string('Q', 58);

        s_keyMaterial.IsMatch(pem).Should().BeTrue();
        s_keyMaterial.IsMatch("const string K = \"" + age + "\";").Should().BeTrue();
        s_keyMaterial.IsMatch("// detects \"" + Begin + " ... PRIVATE KEY-----\" and \"" + AgePrefix + "...\"").Should().BeFalse();
        s_marker.IsMatch(Begin + " RSA PRIVATE KEY-----").Should().BeTrue();
        s_marker.IsMatch(AgePrefix.ToLowerInvariant()).Should().BeTrue();
    }

    [Fact]
    public void The_example_fleet_generates_sops_recipients_and_key_paths_and_no_key()
    {
        var files = ExampleFleet.Run().Files;

        files.Values.Should().NotContain(text => s_marker.IsMatch(text));
        files[".sops.yaml"].Should().MatchRegex(@"- &admin age1[0-9a-z]{58}\n");
        files["hosts/orion/default.nix"].Should().Contain("sops.age.sshKeyPaths = [ \"/etc/ssh/ssh_host_ed25519_key\" ];");
        files["hosts/polaris/default.nix"].Should().Contain("keyFile = \"/var/lib/sops-nix/admin-key.txt\";");
    }

    /// <summary>Every file git tracks (and any added but not yet committed), as text; binaries are skipped.</summary>
    private static List<(string Path, string Text)> TrackedFiles()
    {
        var startInfo = new ProcessStartInfo("git", ["-C", Repository.Root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(startInfo)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        git.ExitCode.Should().Be(0, "git ls-files lists the repository");
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(path => (Path: path, Full: Repository.Path(path)))
            .Where(f => File.Exists(f.Full))
            .Select(f => (f.Path, Bytes: File.ReadAllBytes(f.Full)))
            .Where(f => Array.IndexOf(f.Bytes, (byte)0) < 0)
            .Select(f => (f.Path, System.Text.Encoding.UTF8.GetString(f.Bytes)))
            .ToList();
    }
}
