namespace Lux.Tests.Nix;

/// <summary>The harness's evaluation of a flake laid out as Lux writes nix-out/.</summary>
public sealed class NixHarnessFlakeTests
{
    private static readonly string s_flake = NixHarness.Fixture("flake");

    [NixFact]
    public void The_flake_names_its_inputs_and_hosts()
    {
        var flake = NixHarness.EvalFlake(
            s_flake, "{ inherit (flake) inputNames; hosts = builtins.attrNames flake.outputs.nixosConfigurations; }");

        flake.GetRawText().Should().Be("""{"hosts":["polaris","vega"],"inputNames":["home-manager","niri","nixpkgs","sops-nix"]}""");
    }

    [NixFact]
    public void A_host_gets_its_modules_from_the_flake()
    {
        var modules = NixHarness.EvalFlake(
            s_flake,
            """
            let
              modules = flake.outputs.nixosConfigurations.polaris.modules;
            in
            map (m: if builtins.isPath m then toString m else m.key) modules
            """);

        var names = modules.ToStrings();
        names.Should().HaveCount(4);
        names[..3].Should().Equal("home-manager.nixosModules.home-manager", "sops-nix.nixosModules.sops", "niri.nixosModules.niri");
        names[3].Should().EndWith("/fixtures/flake/hosts/polaris");
    }

    [NixFact]
    public void A_host_of_the_flake_evaluates_with_its_home_manager_users()
    {
        var polaris = NixHarness.EvalFlake(
            s_flake,
            """
            let
              polaris = flake.outputs.nixosConfigurations.polaris;
            in
            {
              inherit (polaris) checkAssertions;
              inherit (polaris.config.networking) hostName;
              packages = polaris.config.home-manager.users.kiri.home.packages;
            }
            """);

        polaris.GetRawText().Should().Be("""{"checkAssertions":true,"hostName":"polaris","packages":["<pkgs.fuzzel>"]}""");
    }

    [NixFact]
    public void A_host_of_the_flake_fails_its_own_assertions()
    {
        NixHarness.EvalFlakeFails(s_flake, "flake.outputs.nixosConfigurations.vega.checkAssertions")
            .Should().Contain("- vega is reachable only over SSH: services.openssh.enable must stay true");
    }
}
