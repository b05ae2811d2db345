# Stand-in for niri-flake's home-manager module; see nixos.nix beside it.
{ }
