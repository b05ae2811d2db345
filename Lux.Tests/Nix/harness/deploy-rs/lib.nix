# Stand-in for deploy-rs's flake `lib.<system>` (https://github.com/serokell/deploy-rs, flake.nix), as
# far as Lux's flake uses it:
#   activate.nixos <nixosSystem>   a package that needs the system's toplevel
#   deployChecks <deploy>          { deploy-schema, deploy-activate }: packages that cannot be
#                                  evaluated when the deploy attribute breaks deploy-rs's schema
#                                  (interface.json: types of the generic settings, a string hostname
#                                  per node, a path per profile) or a profile's path does not evaluate
{ system }:
let
  inherit (builtins)
    all
    attrNames
    concatMap
    concatStringsSep
    hashString
    isAttrs
    isBool
    isInt
    isList
    isString
    seq
    substring
    ;

  package = name: dependency: {
    type = "derivation";
    inherit name system;
    outPath = seq dependency "/nix/store/${substring 0 32 (hashString "sha256" name)}-${name}";
  };

  # A profile's path is a store path: a string, or a package.
  isStorePath = value: isString value || isAttrs value && value ? outPath;

  # interface.json's generic_settings (at deploy, node or profile level), and remoteBuild from the README.
  generic = {
    sshUser = isString;
    user = isString;
    sshOpts = value: isList value && all isString value;
    fastConnection = isBool;
    autoRollback = isBool;
    magicRollback = isBool;
    confirmTimeout = isInt;
    activationTimeout = isInt;
    tempPath = isString;
    interactiveSudo = isBool;
    sudoFile = isString;
    sudoSecret = isString;
    remoteBuild = isBool;
  };

  wrongTypes =
    where: settings: types:
    concatMap (
      name: if types ? ${name} && !types.${name} settings.${name} then [ "${where}.${name} has the wrong type" ] else [ ]
    ) (attrNames settings);

  profileErrors =
    where: profile:
    (if profile ? path then [ ] else [ "${where}.path is required" ])
    ++ wrongTypes where profile (generic // { path = isStorePath; profilePath = isString; });

  nodeErrors =
    where: node:
    (if node ? hostname then [ ] else [ "${where}.hostname is required" ])
    ++ wrongTypes where node (generic // { hostname = isString; profiles = isAttrs; })
    ++ concatMap (name: profileErrors "${where}.profiles.${name}" node.profiles.${name}) (attrNames node.profiles or { });

  schemaErrors =
    deploy:
    wrongTypes "deploy" deploy (generic // { nodes = isAttrs; })
    ++ concatMap (name: nodeErrors "deploy.nodes.${name}" deploy.nodes.${name}) (attrNames deploy.nodes or { });

  check =
    errors:
    if errors == [ ] then true else throw "deploy-rs schema check failed:\n${concatStringsSep "\n" errors}";

  profiles =
    deploy:
    concatMap (node: map (name: deploy.nodes.${node}.profiles.${name}) (attrNames deploy.nodes.${node}.profiles or { })) (
      attrNames deploy.nodes or { }
    );
in
{
  activate.nixos = base: package "activate-${base.config.system.build.toplevel.name}" base.config.system.build.toplevel.outPath;

  deployChecks = deploy: {
    deploy-schema = package "deploy-schema" (check (schemaErrors deploy));
    deploy-activate = package "deploy-activate" (all (profile: isString profile.path || isString profile.path.outPath) (profiles deploy));
  };
}
