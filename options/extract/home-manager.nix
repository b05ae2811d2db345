# home-manager: evaluates modules/modules.nix the way home-manager's own manual does
# (docs/default.nix): its extended lib (lib.hm) with the manual's `docsLib` (submodule options inside
# `either` are listed), `check = false`, and pkgs scrubbed through `_module.args.pkgs`.
#
# pkgs is the nixpkgs tree's pkgs/top-level (see nixos.nix), which also gives pkgs.path for the two
# nixpkgs modules home-manager imports (assertions.nix, meta.nix).
{
  nixpkgs,
  home-manager,
  xlib,
  ex,
  extraModules ? [ ],
}:

let
  root = /. + home-manager;
  pkgs = import (/. + nixpkgs + "/pkgs/top-level/default.nix") { localSystem = "x86_64-linux"; };
  hmLib = import (root + "/modules/lib/stdlib-extended.nix") xlib;
  docsLib =
    (import (root + "/docs") {
      inherit pkgs;
      lib = hmLib;
      release = hmLib.trivial.release;
      isReleaseBranch = false;
    })._internal.docsLib;
  modules = import (root + "/modules/modules.nix") {
    lib = docsLib;
    inherit pkgs;
    check = false;
  };
  scrubbedPkgs = {
    _module.args = {
      pkgs = docsLib.mkForce (ex.scrubDerivations "pkgs" pkgs);
      pkgs_i686 = docsLib.mkForce { };
    };
  };
in
(docsLib.evalModules {
  modules = modules ++ [ scrubbedPkgs ] ++ extraModules;
  class = "homeManager";
}).options
