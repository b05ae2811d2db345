# A small module set for Lux.Tests/Options/ExtractionTests.cs: one option of each kind the schema
# describes. options/extract.sh reads it as the `modules` set.
{ lib, ... }:
let
  inherit (lib) mkOption types;
in
{
  imports = [
    (lib.mkRenamedOptionModule [ "fixture" "oldName" ] [ "fixture" "name" ])
    (lib.mkRemovedOptionModule [ "fixture" "legacy" ] "It never did anything.")
  ];

  options.fixture = {
    enable = lib.mkEnableOption "the fixture";
    name = mkOption {
      type = types.str;
      default = "fixture";
      description = "A description the schema must not carry.";
    };
    mode = mkOption {
      type = types.enum [
        "fast"
        "slow"
      ];
      default = "fast";
    };
    port = mkOption {
      type = types.port;
      default = 8080;
    };
    tags = mkOption {
      type = types.listOf types.str;
      default = [ ];
    };
    users = mkOption {
      type = types.attrsOf (
        types.submodule (
          { name, ... }:
          {
            options = {
              uid = mkOption {
                type = types.nullOr types.ints.unsigned;
                default = null;
              };
              home = mkOption {
                type = types.str;
                default = "/home/${name}";
              };
            };
          }
        )
      );
      default = { };
    };
    timeout = mkOption {
      type = types.either types.int types.str;
      default = 30;
    };
    paths = mkOption {
      type = types.coercedTo types.str lib.singleton (types.listOf types.str);
      default = [ "/srv" ];
    };
    settings = mkOption {
      type = types.submodule {
        freeformType = types.attrsOf types.str;
        options.level = mkOption {
          type = types.str;
          default = "info";
        };
      };
      default = { };
    };
    id = mkOption {
      type = types.str;
      default = "fixed";
      readOnly = true;
    };
    ratio = mkOption {
      type = types.float;
      default = 1.0;
    };
    package = mkOption {
      type = types.package;
      defaultText = lib.literalExpression "pkgs.hello";
    };
    documented = mkOption {
      type = types.str;
      defaultText = lib.literalMD "the host's name";
    };
    hidden = mkOption {
      type = types.bool;
      default = false;
      internal = true;
    };
  };
}
