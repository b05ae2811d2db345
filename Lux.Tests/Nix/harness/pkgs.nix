# A stand-in for nixpkgs' package set, which evaluation here does not have. No Nix attribute set
# answers every name, so the harness reads the modules' source files for the `pkgs.<attribute
# path>` references written in them and answers exactly those, each with a placeholder package
# whose outPath, and so its JSON value and its string interpolation, is "<pkgs.<path>>":
# `pkgs.niri` is "<pkgs.niri>", "${pkgs.niri}/bin/niri" is "<pkgs.niri>/bin/niri".
#
# Packages reached otherwise (`with pkgs; [ git ]`, `pkgs.${name}`) are not there, and a
# placeholder is no function (`pkgs.writeText "a" "b"`): evaluation fails where a module uses them.
{ files }:
let
  inherit (builtins)
    concatMap
    concatStringsSep
    elemAt
    filter
    head
    isList
    isString
    length
    mapAttrs
    readFile
    split
    tail
    zipAttrsWith
    ;

  reference = "pkgs\\.([A-Za-z_][A-Za-z0-9_'-]*(\\.[A-Za-z_][A-Za-z0-9_'-]*)*)";

  # [ [ "niri" ] [ "kdePackages" "dolphin" ] ... ], one for each reference.
  attrPaths = concatMap (
    file: map (groups: filter isString (split "\\." (head groups))) (filter isList (split reference (readFile file)))
  ) files;

  placeholder = path: {
    type = "derivation";
    name = elemAt path (length path - 1);
    outPath = "<pkgs.${concatStringsSep "." path}>";
  };

  # A package's own placeholder attributes win over packages below it of the same name.
  build =
    prefix: paths:
    mapAttrs (
      name: rests: build (prefix ++ [ name ]) (filter (rest: rest != [ ]) rests) // placeholder (prefix ++ [ name ])
    ) (zipAttrsWith (_: rests: rests) (map (path: { ${head path} = tail path; }) paths));
in
build [ ] attrPaths
