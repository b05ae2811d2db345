# Entry point of options/extract.sh: evaluates one module set's option declarations and returns the
# schema (options/SCHEMA.md) as a string. Directories are absolute paths given as strings.
{
  set,
  # Source of the set, written to "source".
  repository,
  revision,
  date,
  # nixpkgs tree (lib/, pkgs/, nixos/): NixOS sets, and pkgs for home-manager sets.
  nixpkgs ? "",
  home-manager ? "",
  sops-nix ? "",
  niri-flake ? "",
  # The `modules` set: a module file (or a file holding a list of modules) and a nixpkgs lib.
  modulesFile ? "",
  lib ? "",
  # For the `modules` set: the set name, tree and documentation link written to the schema.
  name ? "modules",
  tree ? "nixos",
  documentation ? "",
  # Put back entries of nixos/modules/module-list.nix commented out as `#./…` (nixpkgs-slim).
  restoreModuleList ? false,
  # Levels of a type walk (the option's own type is level 1).
  depth ? 4,
}:

let
  asPath = s: /. + s;

  libDir =
    let
      d = if lib != "" then lib else nixpkgs;
    in
    if builtins.pathExists (d + "/lib/default.nix") then d + "/lib" else d;
  nixpkgsLib = import (asPath libDir);
  ex = import ./lib.nix { lib = nixpkgsLib; };
  xlib = ex.markedLib;

  source = { inherit repository revision date; };

  nixosLinks = "https://search.nixos.org/options?channel=unstable&show={path}";
  homeManagerLinks = "https://nix-community.github.io/home-manager/options.xhtml#opt-{path}";
  sopsLinks = "https://github.com/Mic92/sops-nix#readme";
  niriLinks = "https://github.com/sodiboo/niri-flake/blob/main/docs.md";

  root = dir: prefix: { inherit dir prefix; };
  # Files of another source than the set's own are written as <nixpkgs>/path.
  nixpkgsRoot = root nixpkgs "<nixpkgs>/";

  nixos = extraModules: import ./nixos.nix { inherit nixpkgs xlib ex restoreModuleList extraModules; };
  homeManager =
    extraModules: import ./home-manager.nix { inherit nixpkgs home-manager xlib ex extraModules; };
  niri = import ./niri-flake.nix {
    inherit niri-flake;
    lib = xlib;
  };

  sets = {
    nixos = {
      tree = "nixos";
      documentation = nixosLinks;
      options = nixos [ ];
      roots = [ (root nixpkgs "") ];
    };
    home-manager = {
      tree = "home-manager";
      documentation = homeManagerLinks;
      options = homeManager [ ];
      roots = [
        (root home-manager "")
        nixpkgsRoot
      ];
    };
    "sops-nix.nixos" = {
      tree = "nixos";
      documentation = sopsLinks;
      options = nixos [ (asPath sops-nix + "/modules/sops") ];
      roots = [ (root sops-nix "") ];
      ownOnly = true;
    };
    "sops-nix.home-manager" = {
      tree = "home-manager";
      documentation = sopsLinks;
      options = homeManager [ (asPath sops-nix + "/modules/home-manager/sops.nix") ];
      roots = [ (root sops-nix "") ];
      ownOnly = true;
    };
    "niri.nixos" = {
      tree = "nixos";
      documentation = niriLinks;
      options = nixos [ niri.nixosModule ];
      roots = [ (root niri-flake "") ];
      ownOnly = true;
    };
    "niri.home-manager" = {
      tree = "home-manager";
      documentation = niriLinks;
      options = homeManager [ niri.homeModule ];
      roots = [ (root niri-flake "") ];
      ownOnly = true;
    };
    modules = {
      inherit tree documentation;
      options =
        let
          imported = import (asPath modulesFile);
        in
        # Unchecked, as the other sets are: a module may define options it does not declare
        # (mkRemovedOptionModule defines `assertions`).
        (xlib.evalModules {
          modules = (if builtins.isList imported then imported else [ (asPath modulesFile) ]) ++ [
            { _module.check = false; }
          ];
        }).options;
      roots = [ (root (dirOf modulesFile) "") ];
    };
  };

  chosen = sets.${set} or (throw "extract: unknown set ${set}");
in
ex.schema {
  inherit source depth;
  set = if set == "modules" then name else set;
  inherit (chosen) tree documentation options roots;
  ownOnly = chosen.ownOnly or false;
}
