# Stand-in for nixpkgs' nixos/modules/system/activation/top-level.nix: config.system.build.toplevel,
# shaped as a package (a derivation's attributes, a made-up store path). As NixOS' own, it cannot
# be evaluated while an assertion fails: its outPath needs `checkAssertions` (nixos.nix) first.
checkAssertions:
{ config, ... }:
let
  name = "nixos-system-${config.networking.hostName}";
in
{
  system.build.toplevel = {
    type = "derivation";
    inherit name;
    outPath = builtins.seq checkAssertions "/nix/store/${builtins.substring 0 32 (builtins.hashString "sha256" name)}-${name}";
  };
}
