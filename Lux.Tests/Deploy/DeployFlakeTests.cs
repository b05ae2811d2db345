using System.Text.Json;
using Lux.Tests.Nix;

namespace Lux.Tests.Deploy;

/// <summary>
/// The flake's outputs for deploy-rs, Hydra and `nix flake check`, evaluated with the real Nix over the
/// harness, whose inputs stand in for nixpkgs and deploy-rs (Nix/harness/deploy-rs/lib.nix).
/// </summary>
public sealed class DeployFlakeTests
{
    private const string Outputs = """
        {
          inherit (flake) inputNames;
          hosts = builtins.attrNames flake.outputs.nixosConfigurations;
          deploy = flake.outputs.deploy or null;
          inherit (flake.outputs) hydraJobs checks;
        }
        """;

    [NixFact]
    public void The_example_fleet_deploys_orion_and_builds_every_host()
    {
        NixOut.RequireFlake();

        var flake = NixHarness.EvalFlake(NixOut.Directory, Outputs);

        flake.GetProperty("inputNames").ToStrings().Should().Contain("deploy-rs");
        var hosts = flake.GetProperty("hosts").ToStrings();
        hosts.Should().Equal("orion", "polaris", "zenith");

        var nodes = flake.GetProperty("deploy").GetProperty("nodes");
        nodes.EnumerateObject().Select(n => n.Name).Should().Equal("orion");
        nodes.GetProperty("orion").GetRawText().Should().Be(
            """{"autoRollback":true,"hostname":"orion","interactiveSudo":true,"magicRollback":true,"profiles":{"system":{"path":"/nix/store/1fe0cef0ea600e26cd1bdf4d4dcf9f01-activate-nixos-system-orion","user":"root"}},"remoteBuild":false,"sshUser":"kiri"}""");

        var jobs = flake.GetProperty("hydraJobs");
        jobs.EnumerateObject().Select(j => j.Name).Should().Equal(hosts);
        foreach (var job in jobs.EnumerateObject())
            job.Value.GetString().Should().EndWith("-nixos-system-" + job.Name);

        var checks = flake.GetProperty("checks");
        checks.EnumerateObject().Select(c => c.Name).Should().Equal("aarch64-linux", "x86_64-linux");
        checks.GetProperty("aarch64-linux").EnumerateObject().Select(c => c.Name).Should().Equal("deploy-activate", "deploy-schema");
        var linux = checks.GetProperty("x86_64-linux");
        linux.EnumerateObject().Select(c => c.Name).Should().Equal("deploy-activate", "deploy-schema", "toplevel-orion", "toplevel-polaris", "toplevel-zenith");
        foreach (var host in hosts)
            linux.GetProperty("toplevel-" + host).GetString().Should().Be(jobs.GetProperty(host).GetString());
    }

    [Fact]
    public void The_flake_says_which_hosts_are_not_deployable()
    {
        NixOut.RequireFlake();

        File.ReadAllText(NixOut.Flake).Should().Contain("# Not deployable (no Deploy fact, switched on the host itself): polaris, zenith.");
    }

    [NixFact]
    public void A_fleet_without_a_deployable_host_has_no_deploy_rs_but_still_builds_every_host()
    {
        using var nixOut = DeployFleet.Generate(("Orion.cs", DeployFleet.OrionDeploy, ""));

        var flake = NixHarness.EvalFlake(nixOut.Path, Outputs);

        flake.GetProperty("inputNames").ToStrings().Should().NotContain("deploy-rs");
        flake.GetProperty("deploy").ValueKind.Should().Be(JsonValueKind.Null);
        flake.GetProperty("hydraJobs").EnumerateObject().Select(j => j.Name).Should().Equal("orion", "polaris", "zenith");
        flake.GetProperty("checks").EnumerateObject().Select(c => c.Name).Should().Equal("x86_64-linux");
        flake.GetProperty("checks").GetProperty("x86_64-linux").EnumerateObject().Select(c => c.Name)
            .Should().Equal("toplevel-orion", "toplevel-polaris", "toplevel-zenith");
        var text = File.ReadAllText(Path.Combine(nixOut.Path, "flake.nix"));
        text.Should().Contain("# No host has a Deploy fact, so there are no deploy.nodes").And.NotContain("deploy-rs");
    }

    [NixFact]
    public void Each_deployable_host_is_a_node_with_its_own_settings_and_hosts_group_by_platform()
    {
        using var nixOut = DeployFleet.Generate(
            ("Polaris.cs", "public override Aspects Includes", "public override Deploy Deploy => new(\"polaris.lan\") { RemoteBuild = true, MagicRollback = false, User = \"admin\" };\n    public override string System => \"aarch64-linux\";\n    public override Aspects Includes"));

        var flake = NixHarness.EvalFlake(nixOut.Path, Outputs);

        var nodes = flake.GetProperty("deploy").GetProperty("nodes");
        nodes.EnumerateObject().Select(n => n.Name).Should().Equal("orion", "polaris");
        var polaris = nodes.GetProperty("polaris");
        polaris.TryGetProperty("sshUser", out _).Should().BeFalse("an unset SshUser leaves deploy-rs's default");
        polaris.GetProperty("hostname").GetString().Should().Be("polaris.lan");
        polaris.GetProperty("remoteBuild").GetBoolean().Should().BeTrue();
        polaris.GetProperty("interactiveSudo").GetBoolean().Should().BeFalse();
        polaris.GetProperty("magicRollback").GetBoolean().Should().BeFalse();
        polaris.GetProperty("autoRollback").GetBoolean().Should().BeTrue();
        polaris.GetProperty("profiles").GetProperty("system").GetProperty("user").GetString().Should().Be("admin");
        polaris.GetProperty("profiles").GetProperty("system").GetProperty("path").GetString().Should().EndWith("-activate-nixos-system-polaris");

        var checks = flake.GetProperty("checks");
        checks.GetProperty("aarch64-linux").EnumerateObject().Select(c => c.Name).Should().Equal("deploy-activate", "deploy-schema", "toplevel-polaris");
        checks.GetProperty("x86_64-linux").EnumerateObject().Select(c => c.Name).Should().Equal("deploy-activate", "deploy-schema", "toplevel-orion", "toplevel-zenith");
    }

    [NixFact]
    public void The_deploy_rs_stand_in_refuses_what_deploy_rs_schema_refuses()
    {
        var error = NixInstantiate.EvalFails(
            """
            { harness }:
            let
              deployRs = import (/. + harness + "/deploy-rs/lib.nix") { system = "x86_64-linux"; };
            in
            (deployRs.deployChecks {
              nodes.orion = {
                hostname = 1;
                sshUser = "kiri";
                magicRollback = "yes";
                profiles.system.user = "root";
              };
            }).deploy-schema.outPath
            """,
            new NixArguments().ArgStr("harness", NixHarness.HarnessDirectory));

        error.Should().Contain("deploy.nodes.orion.hostname has the wrong type")
            .And.Contain("deploy.nodes.orion.magicRollback has the wrong type")
            .And.Contain("deploy.nodes.orion.profiles.system.path is required")
            .And.NotContain("sshUser");
    }

    [NixFact]
    public void A_host_whose_assertions_fail_has_no_toplevel_to_build()
    {
        NixHarness.EvalFlakeFails(NixHarness.Fixture("flake"), "flake.outputs.nixosConfigurations.vega.config.system.build.toplevel.outPath")
            .Should().Contain("- vega is reachable only over SSH: services.openssh.enable must stay true");
        NixHarness.EvalFlake(NixHarness.Fixture("flake"), "flake.outputs.nixosConfigurations.polaris.config.system.build.toplevel.name")
            .GetString().Should().Be("nixos-system-polaris");
    }
}
