# NixOS: evaluates nixos/lib/eval-config.nix of a nixpkgs tree and returns its option tree.
#
# Nix 2.8 cannot evaluate nixpkgs' root default.nix (lib/minfeatures.nix asks for 2.18), but
# pkgs/top-level/default.nix has no such check and is lazy. It is handed to the modules through
# specialArgs, scrubbed (no derivation is ever instantiated), so nixos/modules/misc/nixpkgs.nix never
# imports the root. `_module.check = false`, as the manual's own evaluation does.
{
  nixpkgs,
  xlib,
  ex,
  restoreModuleList ? false,
  extraModules ? [ ],
}:

let
  root = /. + nixpkgs;
  pkgs = import (root + "/pkgs/top-level/default.nix") { localSystem = "x86_64-linux"; };
  baseModules =
    if restoreModuleList then
      ex.restoredModuleList root
    else
      import (root + "/nixos/modules/module-list.nix");
  eval = import (root + "/nixos/lib/eval-config.nix") {
    system = null;
    lib = xlib;
    inherit baseModules;
    specialArgs.pkgs = ex.scrubDerivations "pkgs" pkgs;
    modules = [
      {
        _module.check = false;
        system.stateVersion = xlib.trivial.release;
      }
    ]
    ++ extraModules;
  };
in
eval.options
