# Stand-in for nixpkgs' nixos/modules/misc/assertions.nix: `assertions` and `warnings` default
# to [ ]. The harness checks the assertions itself (nixos.nix: checkAssertions).
{ lib, ... }:
{
  assertions = lib.mkOptionDefault [ ];
  warnings = lib.mkOptionDefault [ ];
}
