# A module system without option declarations: the part of nixpkgs' lib/modules.nix that decides
# what a NixOS or home-manager configuration evaluates to, for what the tests read.
#
# As nixpkgs does, it
# - collects modules through `imports` (paths, functions, attribute sets), each once by key, and
#   takes their definitions in nixpkgs' order: breadth-first collection, then reversed, so an
#   imported module's list items come before its importer's;
# - pushes mkMerge, mkIf and mkOverride down into attribute sets, so that a condition is forced
#   only when an option under it is read, and may depend on `config`;
# - for each option, evaluates the mkIf conditions, keeps the definitions of the strongest
#   priority (the lowest mkOverride number; a plain definition has 100), concatenates lists and
#   requires any other remaining definitions to be equal;
# - evaluates an attrsOf-submodule option (home-manager.users) as one module set per name.
#
# Knowing no option declarations, it differs from nixpkgs here:
# - every attribute set that is not a package is a set of options: its attributes merge one by
#   one, and a priority on it applies to each attribute under it. nixpkgs applies a priority on
#   the value of an attrsOf or submodule option to the whole value (`users.users = mkForce { ... }`
#   drops the other definitions of users.users there, not here);
# - an option has a default only where a stand-in module defines one with mkOptionDefault;
#   reading an option with no definition left throws, as nixpkgs does for an option without one;
# - values are not type-checked, and two different strings conflict even where nixpkgs' type
#   would join them (types.lines);
# - an attribute whose definitions are all `mkIf false` stays in its set and throws when read
#   (nixpkgs' attrsOf drops it);
# - a priority above a condition (`mkForce (mkIf c x)`) is read through; nixpkgs reads only a
#   condition above a priority;
# - `options`, `disabledModules`, `freeformType` and mkOrder are not supported: a module with the
#   first three throws, and lib.nix has no mkOrder. `_module.args` is not read: module arguments
#   are the evaluation's.
{ lib }:
let
  inherit (builtins)
    all
    attrNames
    concatMap
    concatStringsSep
    elem
    elemAt
    filter
    foldl'
    genericClosure
    genList
    head
    isAttrs
    isBool
    isFunction
    isList
    isPath
    length
    mapAttrs
    match
    pathExists
    removeAttrs
    substring
    tail
    toJSON
    zipAttrsWith
    ;

  defaultPriority = 100;

  imap1 = f: list: genList (i: f (i + 1) (elemAt list i)) (length list);

  reverseList = list: genList (i: elemAt list (length list - i - 1)) (length list);

  unique = foldl' (acc: x: if elem x acc then acc else acc ++ [ x ]) [ ];

  last = list: elemAt list (length list - 1);

  # Checks outPath first, so that an option named `type` is not forced by asking.
  isDerivation = value: isAttrs value && value ? outPath && value.type or null == "derivation";

  # An attribute set whose attributes are options: not a property (mkIf, ...) and not a package.
  isOptionSet = value: isAttrs value && !(value ? _type) && !isDerivation value;

  showOption =
    loc:
    concatStringsSep "." (
      map (name: if match "[A-Za-z_][A-Za-z0-9_'-]*" name != null then name else toJSON name) loc
    );

  showValue =
    value:
    if isDerivation value then
      value.outPath
    else if isFunction value then
      "<function>"
    else if isPath value then
      toString value
    else
      toJSON value;

  showDefs = defs: concatStringsSep "" (map (def: "\n- In `${def.file}': ${showValue def.value}") defs);

  # A module in nixpkgs' canonical form { _file, key, imports, config } (unifyModuleSyntax).
  unifyModuleSyntax =
    file: key: m:
    let
      unsupported = filter (name: m ? ${name}) [
        "options"
        "disabledModules"
        "freeformType"
      ];
    in
    if !isAttrs m then
      throw "Module `${key}' is neither an attribute set nor a function returning one."
    else if unsupported != [ ] then
      throw "Module `${key}' has `${head unsupported}', which the test harness does not support: it declares no options."
    else if m ? config then
      let
        extra = removeAttrs m [
          "_class"
          "_file"
          "key"
          "imports"
          "config"
          "meta"
        ];
      in
      if extra != { } then
        throw "Module `${key}' has an unsupported attribute `${head (attrNames extra)}'. This is caused by introducing a top-level `config' or `options' attribute. Add configuration attributes immediately on the top level instead, or move all of them (namely: ${toString (attrNames extra)}) into the explicit `config' attribute."
      else
        {
          _file = toString (m._file or file);
          key = toString (m.key or key);
          imports = m.imports or [ ];
          config =
            if m ? meta then
              lib.mkMerge [
                m.config
                { inherit (m) meta; }
              ]
            else
              m.config;
        }
    else
      {
        _file = toString (m._file or file);
        key = toString (m.key or key);
        imports = m.imports or [ ];
        config = removeAttrs m [
          "_class"
          "_file"
          "key"
          "imports"
        ];
      };

  applyIfFunction = f: args: if isFunction f then f args else f;

  # An inline module is known by its parent's file and key; a path by itself (nixpkgs: loadModule).
  loadModule =
    args: parentFile: fallbackKey: m:
    if isFunction m || isAttrs m then
      unifyModuleSyntax parentFile fallbackKey (applyIfFunction m args)
    else
      unifyModuleSyntax (toString m) (toString m) (applyIfFunction (import m) args);

  # The modules reachable through imports, each once by key, in the order nixpkgs collects them
  # (collectModules: a breadth-first genericClosure). Evaluation reverses it, as nixpkgs does.
  collectModules =
    args: modules:
    let
      load =
        parentFile: parentKey:
        imap1 (
          n: m:
          let
            module = loadModule args parentFile "${parentKey}:anon-${toString n}" m;
          in
          {
            inherit (module) key;
            inherit module;
          }
        );
    in
    map (item: item.module) (genericClosure {
      startSet = load "<unknown-file>" "" modules;
      operator = item: load item.module._file item.module.key item.module.imports;
    });

  # Expands mkMerge and moves mkIf and mkOverride into attribute sets (nixpkgs:
  # pushDownProperties), so a condition is forced only when an option under it is read.
  # nixpkgs decides by the option declarations where to stop; here, any set of options is entered.
  pushDownProperties =
    value:
    let
      type = value._type or null;
      pushInto = wrap: content: if isOptionSet content then mapAttrs (_: wrap) content else wrap content;
    in
    if type == "merge" then
      concatMap pushDownProperties value.contents
    else if type == "if" then
      map (pushInto (lib.mkIf value.condition)) (pushDownProperties value.content)
    else if type == "override" then
      map (pushInto (lib.mkOverride value.priority)) (pushDownProperties value.content)
    else
      [ value ];

  # The plain values of one definition, each with its priority: mkMerge expanded, mkIf
  # evaluated (nixpkgs: dischargeProperties). The outermost priority counts, as in filterOverrides.
  discharge =
    loc: file: priority: value:
    let
      type = value._type or null;
    in
    if type == "merge" then
      concatMap (discharge loc file priority) value.contents
    else if type == "if" then
      if !isBool value.condition then
        throw "`mkIf' called with a non-Boolean condition, for the option `${showOption loc}' in `${file}'."
      else if value.condition then
        discharge loc file priority value.content
      else
        [ ]
    else if type == "override" then
      discharge loc file (if priority == null then value.priority else priority) value.content
    else
      [
        {
          inherit file value;
          priority = if priority == null then defaultPriority else priority;
        }
      ];

  # The definitions of the strongest priority, plain (nixpkgs: filterOverrides).
  strongestDefinitions =
    loc: defs:
    let
      discharged = concatMap (def: discharge loc def.file null def.value) defs;
      highest = foldl' (prio: def: if def.priority < prio then def.priority else prio) 9999 discharged;
    in
    map (def: { inherit (def) file value; }) (filter (def: def.priority == highest) discharged);

  # Lists concatenate; other values must agree (nixpkgs: listOf, mergeEqualOption).
  mergeValues =
    loc: defs:
    if defs == [ ] then
      throw "The option `${showOption loc}' is used but not defined."
    else if all (def: isList def.value) defs then
      concatMap (def: def.value) defs
    else if all (def: def.value == (head defs).value) (tail defs) then
      (head defs).value
    else
      throw "The option `${showOption loc}' has conflicting definition values:${showDefs defs}\nUse `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.";

  isSubmoduleAt =
    loc: submodule:
    length loc == length submodule.prefix + 1
    && genList (elemAt loc) (length submodule.prefix) == submodule.prefix;

  # Definitions are { file, value }; lazy per attribute, as nixpkgs' mergeModules.
  mergeOptionSet =
    submodules: loc: defs:
    zipAttrsWith (name: mergeDefinitions submodules (loc ++ [ name ])) (
      map (
        def:
        mapAttrs (_: value: {
          inherit (def) file;
          inherit value;
        }) def.value
      ) defs
    );

  mergeDefinitions =
    submodules: loc: defs:
    let
      submodule = filter (isSubmoduleAt loc) submodules;
      pushed = concatMap (
        def:
        map (value: {
          inherit (def) file;
          inherit value;
        }) (pushDownProperties def.value)
      ) defs;
      sets = filter (def: isOptionSet def.value) pushed;
    in
    if submodule != [ ] then
      # Each definition of a submodule is a module (nixpkgs: submoduleWith).
      (head submodule).eval (last loc) (
        map (def: {
          _file = def.file;
          imports = [ def.value ];
        }) (strongestDefinitions loc defs)
      )
    else if pushed != [ ] && length sets == length pushed then
      mergeOptionSet submodules loc sets
    else if sets != [ ] then
      throw "The option `${showOption loc}' has both attribute sets and other values among its definitions:${showDefs pushed}"
    else
      mergeValues loc (strongestDefinitions loc pushed);

  # The source files of the modules: a directory's module is its default.nix.
  sourceFilesOf =
    modules:
    unique (
      concatMap (
        m:
        let
          file = m._file;
        in
        if substring 0 1 file != "/" then
          [ ]
        else if pathExists (file + "/default.nix") then
          [ (file + "/default.nix") ]
        else if pathExists file then
          [ file ]
        else
          [ ]
      ) modules
    );
in
{
  # Evaluates modules with `config` as the fixpoint of their merged definitions.
  # specialArgs are module arguments besides config, lib, pkgs and options (modulesPath, osConfig, ...).
  # submodules: config -> [ { prefix; eval = name: modules: value; } ]: the attrsOf-submodule
  # options, each evaluated by `eval` from the modules that the definitions of one name are.
  evalModules =
    {
      modules,
      specialArgs ? { },
      submodules ? (config: [ ]),
    }:
    let
      args = {
        inherit lib config;
        pkgs = import ./pkgs.nix { files = sourceFiles; };
        options = throw "The test harness declares no options: a module cannot read `options'.";
      }
      // specialArgs;

      collected = collectModules args modules;

      sourceFiles = sourceFilesOf collected;

      definitions = concatMap (
        m:
        map (
          value:
          if isOptionSet value then
            {
              file = m._file;
              inherit value;
            }
          else
            throw "Module `${m.key}' defines a value that is not an attribute set: ${showValue value}"
        ) (pushDownProperties m.config)
      ) (reverseList collected);

      config = mergeOptionSet (submodules config) [ ] definitions;
    in
    {
      inherit config;

      # The files read for `pkgs.<name>` references (pkgs.nix).
      inherit sourceFiles;

      # Each module's key: a path module's file, or <parent key>:anon-<n> for an inline one.
      moduleKeys = map (m: m.key) collected;
    };
}
