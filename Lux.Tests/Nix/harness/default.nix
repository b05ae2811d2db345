# Lux's Nix test harness: evaluates NixOS configurations as NixOS would, without nixpkgs, for the
# tests to read (see modules.nix for how it merges, nixos.nix for what a result holds).
#
#   evalHost ./hosts/polaris   the host module, with every flake input's NixOS module
#   evalFlake ./nix-out        the flake's outputs, its inputs stood in for (inputs.nix);
#                              each nixosConfigurations.<name> is an evaluated system
let
  lib = import ./lib.nix;
  modules = import ./modules.nix { inherit lib; };
  nixosSystem = import ./nixos.nix {
    inherit lib;
    inherit (modules) evalModules;
  };
  inputs = import ./inputs.nix { inherit lib nixosSystem; };
in
{
  inherit lib nixosSystem;
  inherit (modules) evalModules;
  pkgsFor = files: import ./pkgs.nix { inherit files; };

  evalHost = hostDir: nixosSystem { modules = inputs.nixosModules ++ [ hostDir ]; };

  evalFlake =
    flakeDir:
    let
      flake = import (flakeDir + "/flake.nix");
      # A string, as a flake's self is a store path: "${self}/hosts" stays importable.
      self = outputs // {
        outPath = toString flakeDir;
      };
      outputs = flake.outputs (inputs.flakeInputs // { inherit self; });
    in
    {
      inputNames = builtins.attrNames (flake.inputs or { });
      inherit outputs;
    };
}
