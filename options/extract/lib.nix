# Shared pieces of the option extraction: a marking lib, derivation scrubbing, the option walk, the
# type walk, default rendering and the schema writer (options/SCHEMA.md).
#
# Called as `import ./lib.nix { lib = <nixpkgs lib>; }`.
{ lib }:

let
  inherit (lib)
    any
    compareLists
    concatMap
    concatStringsSep
    drop
    filter
    hasPrefix
    head
    isAttrs
    isBool
    isDerivation
    isFloat
    isFunction
    isInt
    isList
    isOption
    isString
    length
    mapAttrs
    mapAttrsToList
    optional
    optionals
    removePrefix
    sort
    take
    unique
    ;

  # ---------------------------------------------------------------------------------------------
  # Renamed and removed options.
  #
  # lib's helpers (mkRenamedOptionModule, mkRemovedOptionModule, mkAliasOptionModule, doRename,
  # mkMergedOptionModule, mkChangedOptionModule, ...) return modules that declare the old path as an
  # ordinary option: invisible (aliases visible), with an `apply` that forwards or throws. After
  # evaluation nothing in that option says reliably which helper made it or where it points: `apply`
  # is a function, a removed option has no description, and the rename target only survives inside
  # a description sentence. So the extraction evaluates the modules with a lib whose helpers are
  # wrapped: each wraps the module the original helper returns and adds `_luxObsolete` to the old
  # option's declaration. mergeOptionDecls keeps unknown attributes (`opt.options // res // …`), so the
  # marker reaches the evaluated option, where the walk reads it:
  #   { kind = "renamed" | "alias" | "removed" | "changed"; from = <path as declared>; to = <path>; }
  # `from` and `to` are relative to the module set that declared them; for a rename inside a
  # submodule the walk puts the submodule's prefix in front of `to`.
  #
  # Modules reach these helpers through their `lib` argument, which evalModules sets to the lib it
  # belongs to, so an extended lib (lib.extend) reaches every module, submodule and home-manager's
  # extended lib built on top of it. A helper reached some other way (a lib imported by path, or
  # pkgs.lib) goes unmarked; as a fallback the walk also recognises doRename's description
  # ("Alias of {option}`…`.") on invisible options and reports how many it found that way.
  # ---------------------------------------------------------------------------------------------
  #
  # The wrapped helpers call the originals of the lib passed in, not `super`: lib's top-level names
  # are inherited from `self.modules`, so `super.mkRenamedOptionModule` would be the wrapper again.
  markedLib = lib.extend (
    _self: super:
    let
      orig = lib;
      mark =
        kind: to: paths: module:
        {
          config,
          options,
          ...
        }@args:
        let
          result = if isFunction module then module args else module;
          markOne =
            acc: path:
            lib.recursiveUpdate acc (
              lib.setAttrByPath path (
                lib.getAttrFromPath path result.options
                // {
                  _luxObsolete = {
                    inherit kind to;
                    from = path;
                  };
                }
              )
            );
        in
        result // { options = lib.foldl' markOne result.options paths; };

      helpers = {
        mkRemovedOptionModule =
          optionName: replacementInstructions:
          mark "removed" null [ optionName ] (orig.mkRemovedOptionModule optionName replacementInstructions);
        mkRenamedOptionModule =
          from: to: mark "renamed" to [ from ] (orig.mkRenamedOptionModule from to);
        mkRenamedOptionModuleWith =
          args: mark "renamed" args.to [ args.from ] (orig.mkRenamedOptionModuleWith args);
        mkAliasOptionModule = from: to: mark "alias" to [ from ] (orig.mkAliasOptionModule from to);
        mkAliasOptionModuleMD = from: to: mark "alias" to [ from ] (orig.mkAliasOptionModule from to);
        doRename =
          args:
          mark (if args.visible or false then "alias" else "renamed") args.to [ args.from ] (
            orig.doRename args
          );
        mkMergedOptionModule =
          from: to: mergeFn:
          mark "changed" to from (orig.mkMergedOptionModule from to mergeFn);
        mkChangedOptionModule =
          from: to: changeFn:
          mark "changed" to [ from ] (orig.mkChangedOptionModule from to changeFn);
      };
    in
    helpers // { modules = super.modules // helpers; }
  );

  # ---------------------------------------------------------------------------------------------
  # Derivation scrubbing, as nixos/modules/misc/documentation.nix does it: every derivation's
  # outPath becomes the text "${pkgs.<name>}", so rendering a default never instantiates a package
  # (and a store is never needed). Lazy: only what the options touch is visited.
  # ---------------------------------------------------------------------------------------------
  scrubDerivations =
    prefix: set:
    mapAttrs (
      name: value:
      let
        wholeName = "${prefix}.${name}";
      in
      if isAttrs value then
        scrubDerivations wholeName value
        // lib.optionalAttrs (isDerivation value) {
          outPath = "\${${wholeName}}";
          drvPath = "\${${wholeName}.drvPath}";
          _luxScrubbed = wholeName;
        }
      else
        value
    ) set;

  # nixos/modules/module-list.nix, with entries commented out as `#./…` put back (nixpkgs-slim
  # comments out most of the list). Returns the list of module paths.
  restoredModuleList =
    nixpkgs:
    let
      file = nixpkgs + "/nixos/modules/module-list.nix";
      lines = lib.splitString "\n" (builtins.readFile file);
      entry = line: builtins.match "[[:space:]]*(#?)\\./([^[:space:]#]+)[[:space:]]*" line;
      entries = filter (e: e != null) (map entry lines);
      active = filter (e: head e == "") entries;
      listed = import file;
    in
    if length active != length listed then
      throw "extract: ${toString file} is not a plain list of ./paths (${toString (length active)} lines parsed, ${toString (length listed)} entries); cannot restore commented-out entries"
    else
      map (e: nixpkgs + "/nixos/modules/${lib.elemAt e 1}") entries;

  # ---------------------------------------------------------------------------------------------
  # Types.
  # ---------------------------------------------------------------------------------------------

  # "strMatching \"…\"" and "passwdEntry str" carry their argument in the name; the schema wants the
  # bare name. Other names may contain spaces ("systemd option") and stay as they are.
  nameWords = t: lib.splitString " " (t.name or "unspecified");
  baseName =
    t:
    let
      words = nameWords t;
    in
    if builtins.elem (head words) [
      "strMatching"
      "passwdEntry"
    ] then
      head words
    else
      t.name or "unspecified";

  # Bounds are not kept in the type: ints.between & co. only state them in the type's description,
  # which lib/types.nix writes ("16 bit unsigned integer; between 0 and 65535 (both inclusive)").
  # Read only for those types; unsignedInt & co. are bounded on one side by their definition.
  bounds =
    t:
    let
      bounded = builtins.match "intBetween|numberBetween|unsignedInt[0-9]+|signedInt[0-9]+" (baseName t) != null;
      m = builtins.match ".*between (-?[0-9.e+-]+) and (-?[0-9.e+-]+) \\(both inclusive\\).*" (
        t.description or ""
      );
      number = s: builtins.fromJSON s;
    in
    if bounded && m != null then
      {
        min = number (head m);
        max = number (lib.elemAt m 1);
      }
    else
      {
        unsignedInt.min = 0;
        positiveInt.min = 1;
        numberNonnegative.min = 0;
      }
      .${baseName t} or { };

  isOptionType = x: isAttrs x && (x._type or null) == "option-type";

  # A type as a schema node, walked to `depth` levels (the root is level 1).
  typeNode =
    depth: t:
    let
      name = baseName t;
      nested = t.nestedTypes or { };
      payload = t.functor.payload or { };
      sub = typeNode (depth - 1);
      enumValue = v: isString v || isInt v || isFloat v || isBool v || v == null;
    in
    if depth <= 0 then
      {
        inherit name;
        truncated = true;
      }
    else
      { inherit name; }
      // (
        if name == "enum" then
          { values = filter enumValue (payload.values or [ ]); }
        else if name == "either" then
          {
            left = sub nested.left;
            right = sub nested.right;
          }
        else if name == "coercedTo" then
          {
            from = sub nested.coercedType;
            to = sub nested.finalType;
          }
        else if name == "submodule" then
          lib.optionalAttrs (nested ? freeformType) { freeform = sub nested.freeformType; }
        else if name == "attrTag" then
          { tags = mapAttrs (_: decl: sub (decl.type or decl)) nested; }
        else if name == "separatedString" then
          lib.optionalAttrs (payload ? sep) { inherit (payload) sep; }
        else if name == "strMatching" then
          lib.optionalAttrs (payload ? pattern) { inherit (payload) pattern; }
        else if name == "passwdEntry" then
          # passwdEntry wraps its entry type without keeping it; its name says which one it was
          # ("passwdEntry str"), and the entry types (str, path) are leaves.
          { elem.name = lib.concatStringsSep " " (drop 1 (nameWords t)); }
        else if nested ? elemType then
          # listOf & co. (SCHEMA.md), and any other type built around one element type
          # (home-manager's dagOf, loaOf, attrListOf, ...).
          { elem = sub nested.elemType; }
        else if length (lib.attrNames nested) == 1 && isOptionType (head (lib.attrValues nested)) then
          # Another type wrapping a single type under its own name (niri-flake's `rename` and
          # `shorthand` keep theirs as `real`).
          { elem = sub (head (lib.attrValues nested)); }
        else
          bounds t
      );

  # ---------------------------------------------------------------------------------------------
  # Defaults.
  # ---------------------------------------------------------------------------------------------

  # A default is a literal when it is plain data: no function, path, derivation, string context,
  # scrubbed package ("${pkgs.…}") or submodule name placeholder ("‹name›").
  isLiteral =
    v:
    if v == null || isBool v || isInt v || isFloat v then
      true
    else if isString v then
      !(builtins.hasContext v)
      && builtins.match ".*\\$\\{pkgs[.].*" v == null
      && builtins.match ".*‹[^›]*›.*" v == null
    else if isList v then
      lib.all isLiteral v
    else if isAttrs v then
      !(isDerivation v) && !(v ? _type) && !(v ? __toString) && !(v ? outPath) && lib.all isLiteral (lib.attrValues v)
    else
      false;

  # JSON for a literal; a float keeps a fraction or exponent, so 1.0 stays a float (toJSON writes 1).
  literalJSON =
    v:
    if isFloat v then
      let
        s = builtins.toJSON v;
      in
      if builtins.match ".*[.eE].*" s != null then s else s + ".0"
    else if isList v then
      "[" + concatStringsSep "," (map literalJSON v) + "]"
    else if isAttrs v then
      "{" + concatStringsSep "," (mapAttrsToList (k: x: builtins.toJSON k + ":" + literalJSON x) v) + "}"
    else
      builtins.toJSON v;

  # A default value as Nix text (lib.generators.toPretty on one line), or a throw (caught by
  # `attempt`) when it has none: a function or a derivation that is not a scrubbed package renders
  # as "<function>"/"<derivation …>", which is not Nix. A scrubbed package renders as its attribute
  # path (pkgs.hello), and a string built from one keeps the interpolation
  # ("${pkgs.hello}/bin/hello"; toPretty would escape it to "\${…}").
  nixText =
    let
      prepare =
        v:
        if isDerivation v then
          if v ? _luxScrubbed then
            {
              __pretty = lib.id;
              val = v._luxScrubbed;
            }
          else
            throw "extract: a derivation has no Nix text"
        else if isFunction v then
          throw "extract: a function has no Nix text"
        else if isFloat v then
          # toPretty writes 1.0 as 1, an int to Nix.
          {
            __pretty = literalJSON;
            val = v;
          }
        else if isList v then
          map prepare v
        else if isAttrs v then
          mapAttrs (_: prepare) v
        else
          v;
      pretty = lib.generators.toPretty {
        multiline = false;
        allowPrettyValues = true;
      };
    in
    v: builtins.replaceStrings [ "\\\${pkgs." ] [ "\${pkgs." ] (pretty (prepare v));

  # The option's default as { text?, literal?, opaque? }, the way optionAttrSetToDocList finds it
  # (defaultText, else default, else the type's emptyValue for types without submodules).
  # `opaque` marks a default that exists but has no Nix text here: a literalMD defaultText
  # (upstream's words, not Nix), `defaultText = null` (niri-flake's way of hiding one), a function
  # or unscrubbed derivation, or a default whose evaluation throws (throw and assert are caught;
  # other errors stop the extraction, naming the option).
  defaultOf =
    opt:
    let
      type = opt.type or { };
      hasEmpty = (type.emptyValue or { }) ? value && (type.getSubModules or null) == null;
      attempt =
        x:
        let
          r = builtins.tryEval (builtins.deepSeq x x);
        in
        if r.success then r.value else null;
      result =
        text: literal:
        if text == null then
          { opaque = true; }
        else
          { inherit text; } // lib.optionalAttrs (literal != null) { inherit literal; };
      fromValue =
        v:
        let
          text = attempt (nixText v);
        in
        result text (if text != null then attempt (if isLiteral v then literalJSON v else null) else null);
      d = opt.defaultText;
    in
    builtins.addErrorContext "while rendering the default of option `${lib.showOption opt.loc}'" (
      if opt ? defaultText then
        if d == null || (d._type or null) == "literalMD" || (d._type or null) == "literalDocBook" then
          { opaque = true; }
        else if d ? _type && d ? text then
          { inherit (d) text; }
        else
          result (attempt (nixText d)) null
      else if opt ? default then
        fromValue opt.default
      else if hasEmpty then
        fromValue type.emptyValue.value
      else
        { }
    );

  # ---------------------------------------------------------------------------------------------
  # The option walk: the same traversal as lib.optionAttrSetToDocList' (collect the options of a
  # set, descend into `type.getSubOptions loc` when the visibility allows it), keeping the option
  # attrsets themselves so that their types can be walked.
  # ---------------------------------------------------------------------------------------------
  aliasDescription = d: builtins.match "Alias of [{]option[}]`(.*)`[.]" (if isString d then d else "");

  # "a.b.\"c.d\".<name>" back to [ "a" "b" "c.d" "<name>" ] (the inverse of showOption).
  parseOptionPath =
    s:
    let
      parts = builtins.split "(\"([^\"\\\\]|\\\\.)*\"|[^.\"]+)" s;
      tokens = filter isList parts;
      unquote = t: if hasPrefix "\"" t then builtins.fromJSON t else t;
    in
    map (m: unquote (head m)) tokens;

  # Entries: { kind = "option" | "obsolete"; opt; info? ; files; }. `files` are the declaring files,
  # or, for an option without one (home-manager's docsLib builds the options of a submodule inside
  # `either` anew, without files), those of the nearest option above it that has some.
  walkOptions = walkOptionsBelow [ ];

  walkOptionsBelow =
    parentFiles: options:
    concatMap (
      opt:
      let
        ownFiles = filter (d: d != "<unknown-file>") (map toString (opt.declarations or [ ]));
        files = if ownFiles != [ ] then ownFiles else parentFiles;
        visible = opt.visible or true;
        docVisible = if isBool visible then visible else visible == "shallow";
        subVisible = if isBool visible then visible else visible == "transparent";
        marker = opt._luxObsolete or null;
        alias = aliasDescription (opt.description or null);
        prefixOf = from: take (length opt.loc - length from) opt.loc;
      in
      if marker != null then
        [
          {
            kind = "obsolete";
            inherit opt files;
            info = marker // {
              to = if marker.to == null then null else prefixOf marker.from ++ marker.to;
            };
          }
        ]
      else if !docVisible && alias != null then
        # A rename the marking lib did not see: the target path is in doRename's description,
        # relative to the module set that declared it, which for a submodule we cannot tell; take
        # it as absolute.
        [
          {
            kind = "obsolete";
            inherit opt files;
            info = {
              kind = "renamed";
              to = parseOptionPath (head alias);
              fallback = true;
            };
          }
        ]
      else
        optional (docVisible && !(opt.internal or false)) {
          kind = "option";
          inherit opt files;
        }
        ++ optionals subVisible (
          let
            subOptions = opt.type.getSubOptions opt.loc;
          in
          if subOptions != { } then walkOptionsBelow files subOptions else [ ]
        )
    ) (lib.collect isOption options);

  # ---------------------------------------------------------------------------------------------
  # The schema.
  # ---------------------------------------------------------------------------------------------

  # Attribute-set keys ("<name>" from attrsOf, "<host>" from a placeholder) are written as "<name>".
  normaliseLoc = map (p: if builtins.match "<.+>" p != null then "<name>" else p);

  lessLoc = a: b: compareLists lib.compare a b < 0;

  # Sorted by loc, the first of equal locs kept.
  sortUnique =
    entries:
    let
      sorted = sort (a: b: lessLoc a.loc b.loc) entries;
      at = lib.elemAt sorted;
    in
    filter (e: e != null) (
      lib.genList (i: if i > 0 && (at (i - 1)).loc == (at i).loc then null else at i) (length sorted)
    );

  # A type node as JSON with `name` first, the rest in key order.
  nodeJSON =
    node:
    let
      field =
        k:
        let
          v = node.${k};
        in
        builtins.toJSON k
        + ":"
        + (
          if
            builtins.elem k [
              "elem"
              "left"
              "right"
              "from"
              "to"
              "freeform"
            ]
          then
            nodeJSON v
          else if k == "tags" then
            "{" + concatStringsSep "," (mapAttrsToList (tag: t: builtins.toJSON tag + ":" + nodeJSON t) v) + "}"
          else
            literalJSON v
        );
      keys = [ "name" ] ++ filter (k: k != "name") (lib.attrNames node);
    in
    "{" + concatStringsSep "," (map field keys) + "}";

  # The schema document as text, one option per line.
  #   options: an evaluated option tree (eval.options)
  #   roots: [ { dir = "/abs/source"; prefix = ""; } ... ]: a declaration under `dir` is written as
  #     prefix + its path below dir; the first root is the set's own source.
  #   ownOnly: keep only options (and renames) declared in a file under the first root, and only
  #     those declarations (the sops-nix and niri sets: what their own files declare).
  schema =
    {
      options,
      set,
      tree,
      source,
      documentation,
      roots,
      ownOnly ? false,
      depth ? 4,
    }:
    let
      entries = walkOptions options;

      stripDeclaration =
        decl:
        let
          s = toString decl;
          root = lib.findFirst (r: hasPrefix (r.dir + "/") s) null roots;
        in
        if root == null then s else root.prefix + removePrefix (root.dir + "/") s;
      own = decl: hasPrefix ((head roots).dir + "/") (toString decl);
      declarationsOf =
        opt:
        let
          all = filter (d: d != "<unknown-file>") (map toString (opt.declarations or [ ]));
          kept = if ownOnly then filter own all else all;
        in
        unique (map stripDeclaration kept);
      wanted = e: !ownOnly || any own e.files;

      options' = sortUnique (
        map (
          e:
          let
            opt = e.opt;
            default = defaultOf opt;
          in
          {
            loc = normaliseLoc opt.loc;
            line = concatStringsSep "," (
              [
                "{\"loc\":${builtins.toJSON (normaliseLoc opt.loc)}"
                "\"type\":${nodeJSON (typeNode depth (opt.type or { name = "unspecified"; }))}"
              ]
              ++ optional (default ? text) "\"default\":${builtins.toJSON default.text}"
              ++ optional (default ? literal) "\"literal\":${default.literal}"
              ++ optional (default.opaque or false) "\"defaultOpaque\":true"
              ++ [
                "\"readOnly\":${builtins.toJSON (opt.readOnly or false)}"
                "\"declarations\":${builtins.toJSON (declarationsOf opt)}}"
              ]
            );
          }
        ) (filter (e: e.kind == "option" && wanted e) entries)
      );

      obsolete = filter (e: e.kind == "obsolete" && wanted e) entries;
      renamed = sortUnique (
        map (e: {
          loc = normaliseLoc e.opt.loc;
          line = builtins.toJSON {
            loc = normaliseLoc e.opt.loc;
            to = normaliseLoc e.info.to;
          };
        }) (filter (e: e.info.to != null && e.info.kind != "changed") obsolete)
      );
      # mkMergedOptionModule / mkChangedOptionModule convert the old value with a function into a
      # differently typed new option: for a typed tree that is a removal, not a rename.
      removed = sortUnique (
        map (e: {
          loc = normaliseLoc e.opt.loc;
          line = builtins.toJSON { loc = normaliseLoc e.opt.loc; };
        }) (filter (e: e.info.to == null || e.info.kind == "changed") obsolete)
      );

      list =
        items:
        if items == [ ] then "[]" else "[\n" + concatStringsSep ",\n" (map (i: "    " + i.line) items) + "\n  ]";

      fallbacks = length (filter (e: e.info.fallback or false) obsolete);
      report =
        builtins.trace "extract: ${set}: ${toString (length options')} options, ${toString (length renamed)} renamed, ${toString (length removed)} removed${
          lib.optionalString (fallbacks > 0) ", ${toString fallbacks} renames found by description only"
        }";
    in
    report (
      concatStringsSep "\n" [
        "{"
        "  \"format\": 1,"
        "  \"set\": ${builtins.toJSON set},"
        "  \"tree\": ${builtins.toJSON tree},"
        "  \"source\": {\"repository\":${builtins.toJSON source.repository},\"revision\":${builtins.toJSON source.revision},\"date\":${builtins.toJSON source.date}},"
        "  \"documentation\": ${builtins.toJSON documentation},"
        "  \"options\": ${list options'},"
        "  \"renamed\": ${list renamed},"
        "  \"removed\": ${list removed}"
        "}"
        ""
      ]
    );
in
{
  inherit
    markedLib
    scrubDerivations
    restoredModuleList
    typeNode
    walkOptions
    schema
    parseOptionPath
    ;
}
