# Stand-in for home-manager's NixOS module (nixos/common.nix). The harness evaluates
# home-manager.users.<name> itself (nixos.nix); this module adds what that evaluation and the
# NixOS side read: the default of sharedModules, and each user's assertions as NixOS assertions,
# their messages prefixed with "<user> profile: ".
{ config, lib, ... }:
let
  users = config.home-manager.users or { };
in
{
  home-manager.sharedModules = lib.mkOptionDefault [ ];

  assertions = lib.mkIf (users != { }) (
    builtins.concatMap (
      user:
      map (assertion: {
        inherit (assertion) assertion;
        message = "${user} profile: ${assertion.message}";
      }) users.${user}.assertions
    ) (builtins.attrNames users)
  );
}
