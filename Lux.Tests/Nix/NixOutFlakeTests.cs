namespace Lux.Tests.Nix;

/// <summary>
/// nix-out/flake.nix evaluates with the harness: every host builds its module list, names itself, and keeps its
/// assertions. These tests read the repository's nix-out/: they fail until the generator writes it.
/// </summary>
public sealed class NixOutFlakeTests
{
    [NixFact]
    public void The_flake_has_hosts()
    {
        NixOut.RequireFlake();

        var hosts = NixHarness.EvalFlake(NixOut.Directory, "builtins.attrNames flake.outputs.nixosConfigurations");

        hosts.GetArrayLength().Should().BePositive();
    }

    [NixFact]
    public void Every_host_is_its_host_directory_last_among_its_modules()
    {
        NixOut.RequireFlake();

        var lastModules = NixHarness.EvalFlake(
            NixOut.Directory,
            """
            builtins.mapAttrs (
              name: system: toString (builtins.elemAt system.modules (builtins.length system.modules - 1))
            ) flake.outputs.nixosConfigurations
            """);

        foreach (var host in lastModules.EnumerateObject())
            host.Value.GetString().Should().Be(Path.Combine(NixOut.Directory, "hosts", host.Name));
    }

    [NixFact]
    public void Every_host_names_itself_and_its_assertions_hold()
    {
        NixOut.RequireFlake();

        // checkAssertions throws NixOS' "Failed assertions" text, which the exception carries.
        var hosts = NixHarness.EvalFlake(
            NixOut.Directory,
            """
            builtins.mapAttrs (
              name: system: builtins.seq system.checkAssertions system.config.networking.hostName
            ) flake.outputs.nixosConfigurations
            """);

        foreach (var host in hosts.EnumerateObject())
            host.Value.GetString().Should().Be(host.Name);
    }
}
