# nixpkgs' lib.nixosSystem, as far as the tests need it. It evaluates the given modules together
# with the stand-ins for the nixpkgs modules they rely on (under nixos/, named as in nixpkgs'
# nixos/modules, which is also what modulesPath points to), evaluates each
# home-manager.users.<name> as a home-manager configuration, and checks assertions as NixOS does
# when it builds the system.
#
# home-manager.users is evaluated whether or not home-manager's NixOS module is imported; NixOS
# would reject the option without it.
{ lib, evalModules }:
args@{
  modules,
  specialArgs ? { },
  ...
}:
let
  inherit (builtins) concatStringsSep filter;

  # The part of nixpkgs' nixos/modules/module-list.nix that the harness stands in for.
  baseModules = [
    ./nixos/misc/assertions.nix
    ./nixos/services/networking/firewall.nix
    ./nixos/services/networking/ssh/sshd.nix
  ];

  # home-manager's per-user evaluation (nixos/common.nix): its own modules, the shared modules,
  # then the user's definitions, with the NixOS configuration as osConfig. The user's name is
  # the `name` argument, as attrsOf gives it.
  evalHome =
    osConfig: name: userModules:
    evalModules {
      modules = [ ./home-manager/assertions.nix ] ++ osConfig.home-manager.sharedModules or [ ] ++ userModules;
      specialArgs = {
        inherit name osConfig;
        nixosConfig = osConfig;
      };
    };

  eval = evalModules {
    modules = baseModules ++ [ (import ./nixos/system/activation/top-level.nix checkAssertions) ] ++ modules;
    specialArgs = {
      modulesPath = ./nixos;
    }
    // specialArgs;
    submodules = config: [
      {
        prefix = [
          "home-manager"
          "users"
        ];
        eval = name: userModules: (evalHome config name userModules).config;
      }
    ];
  };

  failedAssertions = map (assertion: assertion.message) (
    filter (assertion: !assertion.assertion) eval.config.assertions
  );

  # What building the system (config.system.build.toplevel) checks first: true, or NixOS' error
  # for the failed assertions (nixos/modules/system/activation/top-level.nix).
  checkAssertions =
    if failedAssertions == [ ] then
      true
    else
      throw "\nFailed assertions:\n${concatStringsSep "\n" (map (message: "- ${message}") failedAssertions)}";
in
args
// {
  inherit (eval) config moduleKeys sourceFiles;

  # The messages of the assertions that do not hold.
  inherit failedAssertions checkAssertions;
}
