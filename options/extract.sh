#!/usr/bin/env bash
# Writes the option schema (options/SCHEMA.md) of one module set, read from the module system's own
# declarations with nix-instantiate. See options/README.md.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() {
  cat <<'EOF'
Usage: options/extract.sh [options] <set> <source-dir>... <out.json>

Evaluates the option declarations of a module set with nix-instantiate (Nix 2.8 or later; no store,
daemon or network needed) and writes its schema as options/SCHEMA.md describes it. <out.json> may
be - for standard output.

Sets, with the source directories each takes, in this order (unpacked trees, not git directories):
  nixos                   NIXPKGS
  home-manager            HOME_MANAGER NIXPKGS
  sops-nix.nixos          SOPS_NIX NIXPKGS
  sops-nix.home-manager   SOPS_NIX HOME_MANAGER NIXPKGS
  niri.nixos              NIRI_FLAKE NIXPKGS
  niri.home-manager       NIRI_FLAKE HOME_MANAGER NIXPKGS
  modules                 MODULE_FILE NIXPKGS_LIB
NIXPKGS is a nixpkgs tree (lib/, pkgs/, nixos/). NIXPKGS_LIB is a directory holding nixpkgs' lib/
(a nixpkgs tree, or nix-community/nixpkgs.lib), or lib/ itself. MODULE_FILE is a module, or a
file evaluating to a list of modules; `modules` is meant for tests.
The sops-nix and niri sets keep only what their own files declare.

The first source is the set's own, recorded as "source":
  --repository OWNER/NAME  its repository (default: NixOS/nixpkgs, nix-community/home-manager,
                           Mic92/sops-nix or sodiboo/niri-flake by set; required for modules)
  --revision REV           its commit, 40 hex digits (required)
  --date YYYY-MM-DD        the commit's date (required)
  --git-dir DIR            a git directory holding the commit: --revision may then be any
                           commit-ish, and --date defaults to its committer date

Options:
  --restore-module-list    put back the entries of nixos/modules/module-list.nix that are commented
                           out as `#./…` (neg-serg/nixpkgs-slim; sets that evaluate NixOS)
  --depth N                levels of a type walk, the option's own type being 1 (default: 4)
  --name NAME              modules: the "set" written (default: modules)
  --tree nixos|home-manager  modules: the "tree" written (default: nixos)
  --documentation URL      modules: the "documentation" link template (default: empty)
  -h, --help               this text
EOF
}

die() {
  printf 'extract.sh: %s\n' "$*" >&2
  exit 2
}

repository="" revision="" date="" git_dir="" restore=false depth=4
name=modules tree=nixos documentation=""
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --repository) repository=${2?--repository needs a value}; shift 2 ;;
    --revision) revision=${2?--revision needs a value}; shift 2 ;;
    --date) date=${2?--date needs a value}; shift 2 ;;
    --git-dir) git_dir=${2?--git-dir needs a value}; shift 2 ;;
    --restore-module-list) restore=true; shift ;;
    --depth) depth=${2?--depth needs a value}; shift 2 ;;
    --name) name=${2?--name needs a value}; shift 2 ;;
    --tree) tree=${2?--tree needs a value}; shift 2 ;;
    --documentation) documentation=${2?--documentation needs a value}; shift 2 ;;
    --) shift; positional+=("$@"); break ;;
    -) positional+=("$1"); shift ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) positional+=("$1"); shift ;;
  esac
done

[ ${#positional[@]} -ge 3 ] || { usage >&2; exit 2; }
set_name=${positional[0]}
out=${positional[${#positional[@]} - 1]}
sources=("${positional[@]:1:${#positional[@]}-2}")

case "$set_name" in
  nixos) roles=(nixpkgs); default_repository=NixOS/nixpkgs ;;
  home-manager) roles=(home-manager nixpkgs); default_repository=nix-community/home-manager ;;
  sops-nix.nixos) roles=(sops-nix nixpkgs); default_repository=Mic92/sops-nix ;;
  sops-nix.home-manager) roles=(sops-nix home-manager nixpkgs); default_repository=Mic92/sops-nix ;;
  niri.nixos) roles=(niri-flake nixpkgs); default_repository=sodiboo/niri-flake ;;
  niri.home-manager) roles=(niri-flake home-manager nixpkgs); default_repository=sodiboo/niri-flake ;;
  modules) roles=(modulesFile lib); default_repository="" ;;
  *) die "unknown set '$set_name' (see --help)" ;;
esac
[ ${#sources[@]} -eq ${#roles[@]} ] ||
  die "$set_name takes ${#roles[@]} source(s): ${roles[*]} (got ${#sources[@]})"

if [ -n "$git_dir" ]; then
  [ -d "$git_dir" ] || die "--git-dir $git_dir: no such directory"
  [ -n "$revision" ] || die "--revision is required"
  revision=$(git --git-dir="$git_dir" rev-parse --verify --quiet "$revision^{commit}") ||
    die "$revision: no such commit in $git_dir"
  [ -n "$date" ] || date=$(git --git-dir="$git_dir" log -1 --format=%cs "$revision")
fi
[ -n "$repository" ] || repository=$default_repository
[ -n "$repository" ] || die "--repository is required for $set_name"
[[ "$revision" =~ ^[0-9a-f]{40}$ ]] || die "--revision must be 40 lower-case hex digits (got '$revision')"
[[ "$date" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || die "--date must be YYYY-MM-DD (got '$date')"
[[ "$depth" =~ ^[1-9][0-9]*$ ]] || die "--depth must be a positive number (got '$depth')"
case "$tree" in nixos | home-manager) ;; *) die "--tree must be nixos or home-manager" ;; esac

command -v nix-instantiate >/dev/null 2>&1 ||
  die "nix-instantiate not found: install Nix (Debian: apt-get install nix-bin)"

args=(
  --argstr set "$set_name"
  --argstr repository "$repository"
  --argstr revision "$revision"
  --argstr date "$date"
  --argstr name "$name"
  --argstr tree "$tree"
  --argstr documentation "$documentation"
  --arg restoreModuleList "$restore"
  --arg depth "$depth"
)
for i in "${!roles[@]}"; do
  role=${roles[$i]}
  source=${sources[$i]}
  if [ "$role" = modulesFile ]; then
    [ -f "$source" ] || die "$source: no such file"
  else
    [ -d "$source" ] || die "$source: no such directory"
  fi
  args+=(--argstr "$role" "$(realpath "$source")")
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/state"

# nix-instantiate wants a writable state directory even to evaluate; the dummy store keeps it from
# opening (or creating) /nix/store, and an empty NIX_PATH keeps <nixpkgs> from finding a channel.
status=0
NIX_STATE_DIR="$work/state" NIX_PATH="" nix-instantiate \
  --option build-users-group '' --store dummy:// \
  --eval --strict --json "$here/extract/main.nix" "${args[@]}" \
  >"$work/raw" 2>"$work/log" || status=$?
if [ "$status" -ne 0 ]; then
  cat "$work/log" >&2
  die "nix-instantiate failed ($status) for $set_name"
fi
sed -n 's/^trace: extract: /extract.sh: /p' "$work/log" >&2

# main.nix returns the document as one string, which --json prints as a JSON string. The document is
# JSON text itself, so the only escapes in that string are \\, \" and the \n between lines (a
# control character inside the document is already escaped, as \\n or \\u…). Undo exactly those.
head -c 1 "$work/raw" | grep -q '"' || die "unexpected nix-instantiate output (not a string)"
if sed -e 's/\\\\//g' "$work/raw" | grep -q '\\[^"n]'; then
  die "unexpected escape in nix-instantiate output"
fi
sed -e '1s/^"//' -e '$s/"$//' -e 's/\\\\/\x01/g' -e 's/\\"/"/g' -e 's/\\n/\n/g' -e 's/\x01/\\/g' \
  "$work/raw" >"$work/out.json"
# The string ends with a newline, which the last substitution turned into an empty last line.
sed -i -e '${/^$/d}' "$work/out.json"

if [ "$out" = - ]; then
  cat "$work/out.json"
else
  mkdir -p "$(dirname "$out")"
  mv "$work/out.json" "$out"
fi
