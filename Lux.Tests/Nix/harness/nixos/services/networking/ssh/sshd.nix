# Stand-in for nixpkgs' nixos/modules/services/networking/ssh/sshd.nix: the defaults of the
# options the tests read (services.openssh.settings: those Lux's option tree types), and the one
# rule that reaches beyond sshd: an enabled sshd opens its ports in the firewall unless
# openFirewall is false, and openFirewall defaults to true.
{ config, lib, ... }:
let
  cfg = config.services.openssh;
in
{
  config = lib.mkMerge [
    {
      services.openssh = {
        enable = lib.mkOptionDefault false;
        openFirewall = lib.mkOptionDefault true;
        ports = lib.mkOptionDefault [ 22 ];
        hostKeys = lib.mkOptionDefault [
          {
            bits = 4096;
            path = "/etc/ssh/ssh_host_rsa_key";
            type = "rsa";
          }
          {
            path = "/etc/ssh/ssh_host_ed25519_key";
            type = "ed25519";
          }
        ];
        settings = {
          AllowUsers = lib.mkOptionDefault null;
          KbdInteractiveAuthentication = lib.mkOptionDefault true;
          PasswordAuthentication = lib.mkOptionDefault true;
          PermitRootLogin = lib.mkOptionDefault "prohibit-password";
          X11Forwarding = lib.mkOptionDefault false;
        };
      };
    }
    (lib.mkIf cfg.enable {
      networking.firewall.allowedTCPPorts = lib.optionals cfg.openFirewall cfg.ports;
    })
  ];
}
