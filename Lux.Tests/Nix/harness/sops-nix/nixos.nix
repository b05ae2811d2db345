# Stand-in for sops-nix's NixOS module (modules/sops/default.nix): the defaults of the key
# sources and the assertion that a host with secrets has one. With OpenSSH enabled, the host's
# ed25519 keys decrypt as age keys and its rsa keys as GnuPG keys, unless sops deploys them.
{ config, lib, ... }:
let
  inherit (builtins) filter stringLength substring;

  cfg = config.sops;

  hasPrefix = prefix: string: substring 0 (stringLength prefix) string == prefix;

  # sops-nix: defaultImportKeys.
  hostKeyPaths =
    type:
    if config.services.openssh.enable then
      map (key: key.path) (
        filter (key: key.type == type && !(hasPrefix "/run/secrets" key.path)) config.services.openssh.hostKeys
      )
    else
      [ ];
in
{
  sops = {
    age.keyFile = lib.mkOptionDefault null;
    age.sshKeyPaths = lib.mkOptionDefault (hostKeyPaths "ed25519");
    gnupg.home = lib.mkOptionDefault null;
    gnupg.sshKeyPaths = lib.mkOptionDefault (hostKeyPaths "rsa");
  };

  # `sops.secrets` defaults to { }; here it is absent until a module defines a secret.
  assertions = lib.mkIf (cfg.secrets or { } != { }) [
    {
      assertion =
        cfg.gnupg.home != null || cfg.gnupg.sshKeyPaths != [ ] || cfg.age.keyFile != null || cfg.age.sshKeyPaths != [ ];
      message = "No key source configured for sops. Either set services.openssh.enable or set sops.age.keyFile or sops.gnupg.home";
    }
    {
      assertion = !(cfg.gnupg.home != null && cfg.gnupg.sshKeyPaths != [ ]);
      message = "Exactly one of sops.gnupg.home and sops.gnupg.sshKeyPaths must be set";
    }
  ];
}
