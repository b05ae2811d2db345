# Stand-ins for the inputs of Lux's flake (nix-out/flake.nix), which evaluation here cannot fetch.
# nixpkgs brings lib with the harness's nixosSystem; each other input brings its modules: the
# harness's stand-in, wrapped with a key that names the upstream attribute, so that module lists
# read "home-manager.nixosModules.home-manager" and a module reached twice is evaluated once.
{ lib, nixosSystem }:
let
  module = key: file: {
    inherit key;
    _file = toString file;
    imports = [ file ];
  };

  nixpkgs = {
    lib = lib // {
      inherit nixosSystem;
    };
  };

  home-manager = {
    nixosModules = rec {
      home-manager = module "home-manager.nixosModules.home-manager" ./home-manager/nixos.nix;
      default = home-manager;
    };
  };

  sops-nix = {
    nixosModules = rec {
      sops = module "sops-nix.nixosModules.sops" ./sops-nix/nixos.nix;
      default = sops;
    };
    homeManagerModules = rec {
      sops = module "sops-nix.homeManagerModules.sops" ./sops-nix/home-manager.nix;
      default = sops;
    };
  };

  niri = {
    nixosModules.niri = module "niri.nixosModules.niri" ./niri/nixos.nix;
    homeModules.niri = module "niri.homeModules.niri" ./niri/home-manager.nix;
  };

  # deploy-rs brings no modules: its lib, for the platforms a fleet here uses.
  deploy-rs = {
    lib = builtins.listToAttrs (
      map (system: {
        name = system;
        value = import ./deploy-rs/lib.nix { inherit system; };
      }) [ "x86_64-linux" "aarch64-linux" ]
    );
  };
in
{
  # The arguments of a flake's outputs function, but `self`.
  flakeInputs = {
    inherit
      nixpkgs
      home-manager
      sops-nix
      niri
      deploy-rs
      ;
  };

  # The NixOS modules that Lux's flake takes from its inputs, for a host evaluated on its own.
  nixosModules = [
    home-manager.nixosModules.home-manager
    sops-nix.nixosModules.sops
    niri.nixosModules.niri
  ];
}
