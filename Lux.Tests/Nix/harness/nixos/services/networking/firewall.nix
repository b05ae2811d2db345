# Stand-in for nixpkgs' nixos/modules/services/networking/firewall.nix: the defaults of the
# options the tests read. The firewall is on, with no port open.
{ lib, ... }:
{
  networking.firewall = {
    enable = lib.mkOptionDefault true;
    allowedTCPPorts = lib.mkOptionDefault [ ];
    allowedUDPPorts = lib.mkOptionDefault [ ];
  };
}
