# niri-flake: its modules are defined in flake.nix's outputs. The outputs function is called with
# stand-in inputs: nixpkgs is the lib in use (its legacyPackages are never reached by the options),
# and the niri and xwayland-satellite sources are empty stand-ins with a revision, which the
# package defaults name but no option declaration reads.
#
# The modules are wrapped with `_file = <niri-flake>/flake.nix`, so that their options are declared in
# a niri-flake file (a module value has no file of its own).
{
  niri-flake,
  lib,
}:

let
  root = /. + niri-flake;
  flake = import (root + "/flake.nix");
  source = name: {
    outPath = "/nonexistent/${name}";
    rev = "0000000000000000000000000000000000000000";
    shortRev = "0000000";
    lastModifiedDate = "19700101000000";
  };
  nixpkgs = {
    inherit lib;
    outPath = "/nonexistent/nixpkgs";
    legacyPackages = { };
  };
  inputs = {
    inherit nixpkgs self;
    nixpkgs-stable = nixpkgs;
    niri-stable = source "niri-stable";
    niri-unstable = source "niri-unstable";
    xwayland-satellite-stable = source "xwayland-satellite-stable";
    xwayland-satellite-unstable = source "xwayland-satellite-unstable";
  };
  self = flake.outputs inputs // {
    outPath = niri-flake;
    inherit inputs;
  };
  wrap = module: {
    _file = toString (root + "/flake.nix");
    imports = [ module ];
  };
in
{
  nixosModule = wrap self.nixosModules.niri;
  homeModule = wrap self.homeModules.niri;
}
