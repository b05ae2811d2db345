using Lux.Tests.Generator;
using Lux.Tests.Nix;
using Lux.Tests.Policy;

namespace Lux.Tests.Deploy;

/// <summary>
/// nix-out/bootstrap/&lt;host&gt;.sh: shellcheck-clean, and run with a stub nixos-anywhere on PATH that records
/// its arguments and the tree it is given through --extra-files, so each host's install command is checked
/// as the script really builds it.
/// </summary>
public sealed class BootstrapScriptTests
{
    private const string Target = "root@192.0.2.1";

    public static IEnumerable<object[]> Scripts() =>
        Directory.EnumerateFiles(Path.Combine(NixOut.Directory, "bootstrap"), "*.sh").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileName(p) });

    [Fact]
    public void Every_host_has_a_bootstrap_script()
    {
        var hosts = Directory.EnumerateDirectories(Path.Combine(NixOut.Directory, "hosts")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Scripts().Select(s => Path.GetFileNameWithoutExtension((string)s[0])).Should().Equal(hosts);
    }

    [ShellcheckFact]
    public void Every_generated_script_is_shellcheck_clean()
    {
        var scripts = Scripts().Select(s => Path.Combine(NixOut.Directory, "bootstrap", (string)s[0])).ToList();
        scripts.Should().NotBeEmpty();

        var result = Shell.Run("shellcheck", ["--shell=bash", .. scripts], NixOut.Directory);

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
    }

    [BashFact]
    public void Orion_keeps_its_host_keys_and_gets_the_admin_key_readable_only_by_root_and_its_group()
    {
        using var run = new StubRun(NixOut.Directory);

        var result = run.Script("orion", "--target-host", Target, "--admin-key", run.AdminKey);

        result.ExitCode.Should().Be(0, result.Stderr);
        run.Arguments().Should().Equal(
            "--flake", NixOut.Directory + "#orion", "--copy-host-keys", "--extra-files", run.ExtraFilesArgument(), "--target-host", Target);
        run.ExtraFiles().Should().Equal(
            "755 .", "755 var", "755 var/lib", "750 var/lib/sops-nix", "440 var/lib/sops-nix/admin-key.txt");
        run.AdminKeyCopy().Should().Be(StubRun.AdminKeyText);
        Directory.Exists(run.ExtraFilesArgument()).Should().BeFalse("the script removes its temporary tree");
    }

    [BashFact]
    public void Polaris_and_zenith_get_the_admin_key_and_no_host_keys()
    {
        foreach (var host in new[] { "polaris", "zenith" })
        {
            using var run = new StubRun(NixOut.Directory);

            var result = run.Script(host, "--admin-key", run.AdminKey, "--target-host", Target);

            result.ExitCode.Should().Be(0, result.Stderr);
            run.Arguments().Should().Equal("--flake", NixOut.Directory + "#" + host, "--extra-files", run.ExtraFilesArgument(), "--target-host", Target);
            run.ExtraFiles().Should().Contain("440 var/lib/sops-nix/admin-key.txt");
        }
    }

    [BashFact]
    public void Arguments_after_a_double_dash_go_to_nixos_anywhere_as_they_are()
    {
        using var run = new StubRun(NixOut.Directory);

        var result = run.Script("orion", "--target-host", Target, "--admin-key", run.AdminKey, "--", "--build-on-remote", "-i", "key with space");

        result.ExitCode.Should().Be(0, result.Stderr);
        run.Arguments()[^3..].Should().Equal("--build-on-remote", "-i", "key with space");
    }

    [BashFact]
    public void Without_its_required_arguments_it_says_what_each_is_and_runs_nothing()
    {
        using var run = new StubRun(NixOut.Directory);

        var result = run.Script("orion");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("missing --target-host <destination>: the SSH destination of the machine to install")
            .And.Contain("missing --admin-key <file>: the admin age key, a local file, installed at /var/lib/sops-nix/admin-key.txt")
            .And.Contain("see --help");
        run.Ran.Should().BeFalse();
    }

    [BashFact]
    public void It_refuses_an_admin_key_that_is_not_a_file_an_unknown_argument_and_an_option_without_its_value()
    {
        using var run = new StubRun(NixOut.Directory);

        var notAFile = run.Script("orion", "--target-host", Target, "--admin-key", Path.Combine(run.WorkingDirectory, "absent"));
        var unknown = run.Script("orion", "--target-host", Target, "--admin-key", run.AdminKey, "--copy-host-keys");
        var noValue = run.Script("orion", "--admin-key", run.AdminKey, "--target-host");

        notAFile.ExitCode.Should().Be(2);
        notAFile.Stderr.Should().Contain("is not a readable file");
        unknown.ExitCode.Should().Be(2);
        unknown.Stderr.Should().Contain("unknown argument '--copy-host-keys'");
        noValue.ExitCode.Should().Be(2);
        noValue.Stderr.Should().Contain("--target-host needs a value");
        run.Ran.Should().BeFalse();
    }

    [BashFact]
    public void Help_explains_every_argument()
    {
        using var run = new StubRun(NixOut.Directory);

        var result = run.Script("orion", "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().StartWith("Usage: bash nix-out/bootstrap/orion.sh --target-host <destination> --admin-key <file>")
            .And.Contain("--copy-host-keys").And.Contain("mode 0440").And.Contain("sops-users");
        run.Ran.Should().BeFalse();
    }

    [ShellcheckFact]
    public void A_host_without_an_admin_key_takes_only_the_target_host()
    {
        // The recovery fleet's orion decrypts with its host key alone.
        var files = LuxRun.Of(RecoveryFleet.Valid).Files;
        using var nixOut = new TemporaryDirectory();
        foreach (var (path, text) in files)
            nixOut.Write(path, text);
        using var run = new StubRun(nixOut.Path);

        Shell.Run("shellcheck", ["--shell=bash", Path.Combine(nixOut.Path, "bootstrap", "orion.sh")], nixOut.Path).ExitCode.Should().Be(0);
        var missing = run.Script("orion");
        var result = run.Script("orion", "--target-host", Target);
        var adminKey = run.Script("orion", "--target-host", Target, "--admin-key", run.AdminKey);

        missing.ExitCode.Should().Be(2);
        missing.Stderr.Should().Contain("--target-host").And.NotContain("--admin-key");
        adminKey.ExitCode.Should().Be(2, "the host has no admin key to install");
        result.ExitCode.Should().Be(0, result.Stderr);
        run.Arguments().Should().Equal("--flake", nixOut.Path + "#orion", "--copy-host-keys", "--target-host", Target);
    }

    /// <summary>
    /// A bootstrap run in a directory of its own (not nix-out, so the flake must be found from the script),
    /// with a stub nixos-anywhere first on PATH.
    /// </summary>
    private sealed class StubRun : IDisposable
    {
        public const string AdminKeyText = "# a stand-in for an age identity\n";

        private readonly TemporaryDirectory directory = new();
        private readonly string nixOut;

        public StubRun(string nixOut)
        {
            this.nixOut = nixOut;
            var stub = directory.Write("bin/nixos-anywhere",
                """
                #!/usr/bin/env bash
                # Records its arguments (NUL-separated) and the tree --extra-files names, while it exists.
                set -euo pipefail
                printf '%s\0' "$@" > "$LUX_STUB_OUT/argv"
                while [ "$#" -gt 0 ]; do
                  if [ "$1" = --extra-files ]; then
                    (cd "$2" && find . -printf '%m %P\n' > "$LUX_STUB_OUT/tree")
                    cp "$2/var/lib/sops-nix/admin-key.txt" "$LUX_STUB_OUT/admin-key" 2>/dev/null || true
                  fi
                  shift
                done
                """);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            AdminKey = directory.Write("keys/admin-key.txt", AdminKeyText);
            Directory.CreateDirectory(Path.Combine(directory.Path, "out"));
        }

        public string WorkingDirectory => directory.Path;

        public string AdminKey { get; }

        private string Out(string name) => Path.Combine(directory.Path, "out", name);

        public bool Ran => File.Exists(Out("argv"));

        public Shell.Result Script(string host, params string[] arguments) =>
            Shell.Run("bash", [Path.Combine(nixOut, "bootstrap", host + ".sh"), .. arguments], directory.Path, new Dictionary<string, string>
            {
                ["PATH"] = Path.Combine(directory.Path, "bin") + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
                ["LUX_STUB_OUT"] = Path.Combine(directory.Path, "out"),
            });

        public string[] Arguments() => File.ReadAllText(Out("argv")).TrimEnd('\0').Split('\0');

        public string ExtraFilesArgument() => Arguments().SkipWhile(a => a != "--extra-files").Skip(1).First();

        /// <summary>"mode path" of each entry of the --extra-files tree, "." for its root.</summary>
        public string[] ExtraFiles() => File.ReadAllLines(Out("tree")).Select(l => l.EndsWith(' ') ? l + "." : l)
            .OrderBy(l => l[(l.IndexOf(' ') + 1)..], StringComparer.Ordinal).ToArray();

        public string AdminKeyCopy() => File.ReadAllText(Out("admin-key"));

        public void Dispose() => directory.Dispose();
    }
}
