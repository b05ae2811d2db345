# Stand-in for niri-flake's NixOS module. The harness needs no declaration of programs.niri, and
# nothing the tests read comes from the module's own definitions: it is here so that a
# configuration importing niri.nixosModules.niri evaluates.
{ }
