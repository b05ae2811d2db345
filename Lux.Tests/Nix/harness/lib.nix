# The part of nixpkgs' lib that the modules under test use: what Lux generates (priorities,
# conditions) and what hand-written hardware files use. Evaluation here has no nixpkgs, so each
# function is written to nixpkgs' definition (lib/modules.nix, lib/lists.nix): the properties
# have the shapes the module system reads, and modules.nix reads them the same way.
#
# A module that needs more fails with "attribute '<name>' missing": add the function here, as
# nixpkgs defines it, together with a test that uses it.
let
  mkOverride = priority: content: {
    _type = "override";
    inherit priority content;
  };
in
{
  inherit mkOverride;

  # The priority of an option's declared default; the harness's stand-ins use it for defaults.
  mkOptionDefault = mkOverride 1500;
  mkDefault = mkOverride 1000;
  mkForce = mkOverride 50;

  mkIf = condition: content: {
    _type = "if";
    inherit condition content;
  };

  mkMerge = contents: {
    _type = "merge";
    inherit contents;
  };

  optional = cond: elem: if cond then [ elem ] else [ ];
  optionals = cond: elems: if cond then elems else [ ];

  inherit (builtins) attrNames;
}
