using System.Text.Json;

namespace Lux.Tests.Nix;

/// <summary>
/// The Nix test harness (Nix/harness/*.nix, copied beside the test assembly): evaluates a host directory or a
/// flake as NixOS would, without nixpkgs. A selector is a Nix expression over the result, which is bound to
/// <c>host</c> or <c>flake</c>: <c>host.config.networking.firewall.allowedTCPPorts</c>,
/// <c>host.checkAssertions</c>, <c>flake.outputs.nixosConfigurations.polaris.config.networking.hostName</c>.
/// </summary>
internal static class NixHarness
{
    public static string HarnessDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Nix", "harness");

    public static string FixturesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "Nix", "fixtures");

    /// <summary>A hand-written fixture under Nix/fixtures.</summary>
    public static string Fixture(string name) => Path.Combine(FixturesDirectory, name);

    /// <summary>Evaluates <paramref name="selector"/> over <c>host</c>, the evaluation of a host directory.</summary>
    public static JsonElement EvalHost(string hostDirectory, string selector) =>
        NixInstantiate.EvalJson(Expression("host", "evalHost", selector), Arguments(hostDirectory));

    /// <summary>Evaluates a selector over <c>host</c> that must fail, and returns Nix's error text.</summary>
    public static string EvalHostFails(string hostDirectory, string selector) =>
        NixInstantiate.EvalFails(Expression("host", "evalHost", selector), Arguments(hostDirectory));

    /// <summary>Evaluates <paramref name="selector"/> over <c>flake</c>: <c>{ inputNames, outputs }</c> of a flake directory.</summary>
    public static JsonElement EvalFlake(string flakeDirectory, string selector) =>
        NixInstantiate.EvalJson(Expression("flake", "evalFlake", selector), Arguments(flakeDirectory));

    /// <summary>Evaluates a selector over <c>flake</c> that must fail, and returns Nix's error text.</summary>
    public static string EvalFlakeFails(string flakeDirectory, string selector) =>
        NixInstantiate.EvalFails(Expression("flake", "evalFlake", selector), Arguments(flakeDirectory));

    // Directories travel as strings (--argstr) and become paths in Nix: a path literal could not hold every name.
    private static string Expression(string name, string function, string selector) =>
        $$"""
        { harness, dir }:
        let
          {{name}} = (import (/. + harness)).{{function}} (/. + dir);
        in
        {{selector}}
        """;

    private static NixArguments Arguments(string directory) =>
        new NixArguments().ArgStr("harness", HarnessDirectory).ArgStr("dir", Path.GetFullPath(directory));
}
