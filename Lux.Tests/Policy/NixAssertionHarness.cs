using System.Diagnostics;
using System.Text.Json;

namespace Lux.Tests.Policy;

/// <summary>
/// Runs when nix-instantiate is on the machine (Debian's nix-bin, Nix 2.8: no daemon, no network), skipped
/// otherwise. Private to the policy tests until the shared Nix harness (Lux.Tests/Nix) lands.
/// </summary>
public sealed class PolicyNixFactAttribute : FactAttribute
{
    public PolicyNixFactAttribute()
    {
        if (NixAssertionHarness.NixInstantiate is null)
            Skip = "nix-instantiate is not installed";
    }
}

/// <summary>
/// Evaluates the <c>assertions</c> of a generated host module the way NixOS would read them, without nixpkgs
/// (this Nix is too old for it): the module is called with a <c>config</c> made of the upstream defaults the
/// rules depend on (nix-facts.md), the module's own definitions, and the test's patch on top.
/// </summary>
public static class NixAssertionHarness
{
    public static string? NixInstantiate { get; } =
        new[] { "/usr/bin/nix-instantiate", "/run/current-system/sw/bin/nix-instantiate", "/nix/var/nix/profiles/default/bin/nix-instantiate" }.FirstOrDefault(File.Exists);

    private const string Evaluator = """
        { patch }:
        let
          recursiveUpdate = a: b: a // builtins.mapAttrs (n: v:
            if builtins.isAttrs v && a ? ${n} && builtins.isAttrs a.${n} then recursiveUpdate a.${n} v else v) b;
          lib = { mkForce = v: v; mkDefault = v: v; mkOverride = priority: v: v; };
          # Upstream defaults of the options the recovery rules read (nixpkgs sshd.nix, firewall, users-groups.nix).
          defaults = {
            services.openssh = {
              enable = false;
              openFirewall = true;
              ports = [ 22 ];
              settings = { PasswordAuthentication = true; PermitRootLogin = "prohibit-password"; };
            };
            networking.firewall = { enable = true; allowedTCPPorts = [ ]; };
          };
          userDefaults = { isNormalUser = false; isSystemUser = false; openssh.authorizedKeys.keys = [ ]; };
          module = import ./module.nix { inherit config lib; pkgs = { }; };
          merged = recursiveUpdate (recursiveUpdate defaults (builtins.removeAttrs module [ "assertions" "imports" ])) patch;
          users = (merged.users or { }).users or { };
          config = merged // { users = (merged.users or { }) // { users = builtins.mapAttrs (name: user: recursiveUpdate userDefaults user) users; }; };
        in
        map (a: a.message) (builtins.filter (a: !a.assertion) module.assertions)
        """;

    /// <summary>The messages of the module's assertions that fail with <paramref name="patch"/> (a Nix attribute set) applied to its config.</summary>
    public static IReadOnlyList<string> FailingAssertions(string module, string patch = "{ }")
    {
        var directory = Directory.CreateTempSubdirectory("lux-assertions-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "module.nix"), module);
            File.WriteAllText(Path.Combine(directory.FullName, "evaluate.nix"), Evaluator);
            var start = new ProcessStartInfo(NixInstantiate!)
            {
                WorkingDirectory = directory.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "--eval", "--strict", "--json", "evaluate.nix", "--arg", "patch", patch })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit(60_000).Should().BeTrue("nix-instantiate finishes");
            process.ExitCode.Should().Be(0, "the module and its assertions evaluate: " + error.Result);
            return JsonSerializer.Deserialize<List<string>>(output.Result)!;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
