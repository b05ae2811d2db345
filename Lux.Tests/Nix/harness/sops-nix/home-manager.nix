# Stand-in for sops-nix's home-manager module. It defines nothing the tests read: it is here so
# that a configuration importing sops-nix.homeManagerModules.sops evaluates.
{ }
