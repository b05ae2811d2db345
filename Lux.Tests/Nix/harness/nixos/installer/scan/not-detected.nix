# Stand-in for nixpkgs' nixos/modules/installer/scan/not-detected.nix, which
# nixos-generate-config imports into hardware-configuration.nix. Same definition as upstream.
{ lib, ... }:
{
  hardware.enableRedistributableFirmware = lib.mkDefault true;
}
