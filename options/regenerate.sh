#!/usr/bin/env bash
# Rewrites every schema in options/schemas/ from the pinned source revisions (options/README.md).
#
#   options/regenerate.sh [--mirrors DIR] [--sources DIR]
#
# --mirrors: a directory of bare git copies named owner+name/repo (default /work/.mirror, where the
#   session's fetch tool puts them; `git clone --bare https://github.com/OWNER/NAME DIR/OWNER+NAME/repo`
#   makes the same layout). --sources: where the trees are unpacked, outside the repository (default
#   /work/sources). A tree already unpacked there is reused as it is.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mirrors=/work/.mirror
sources=/work/sources
while [ $# -gt 0 ]; do
  case "$1" in
    --mirrors) mirrors=$2; shift 2 ;;
    --sources) sources=$2; shift 2 ;;
    -h | --help) sed -n '2,10p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) printf 'regenerate.sh: unknown argument %s\n' "$1" >&2; exit 2 ;;
  esac
done

# name, repository, revision
pins=(
  "nixpkgs-slim neg-serg/nixpkgs-slim 7beb50e7ff79da548c79762c9130477208787e96"
  "home-manager nix-community/home-manager ec1a8fdf74ed3f276148ee106299a2ba0e65d51f"
  "sops-nix Mic92/sops-nix 56b24064fdcaedca53553b1a6d607fd23b613a24"
  "niri-flake sodiboo/niri-flake ef7a2a3d719af46b906c22a3ebfb7d65627b2cd2"
)

git_dir() { printf '%s/%s/repo' "$mirrors" "${1/\//+}"; }

unpack() {
  local name=$1 repository=$2 revision=$3 dir="$sources/$1"
  [ -d "$dir" ] && return 0
  mkdir -p "$dir.partial"
  # nixpkgs-slim's snapshot lacks three large blobs that no module reads; a plain archive would stop
  # at the first of them and leave a partial tree.
  git --git-dir="$(git_dir "$repository")" archive "$revision" -- . \
    ':(exclude)pkgs/development/haskell-modules/hackage-packages.nix' \
    ':(exclude)pkgs/development/r-modules/cran-packages.json' \
    ':(exclude)pkgs/desktops/gnome/extensions/extensions.json' |
    tar -x -C "$dir.partial"
  mv "$dir.partial" "$dir"
}

for pin in "${pins[@]}"; do
  read -r name repository revision <<<"$pin"
  unpack "$name" "$repository" "$revision"
done

run() {
  local set=$1 repository=$2 revision=$3
  shift 3
  local out="$here/schemas/$set.json"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "$set: %e s, peak %M KB" \
      "$here/extract.sh" --repository "$repository" --git-dir "$(git_dir "$repository")" \
      --revision "$revision" --restore-module-list "$set" "$@" "$out"
  else
    "$here/extract.sh" --repository "$repository" --git-dir "$(git_dir "$repository")" \
      --revision "$revision" --restore-module-list "$set" "$@" "$out"
  fi
  printf '%s: %s bytes\n' "$set" "$(wc -c <"$out")"
}

nixpkgs=$sources/nixpkgs-slim hm=$sources/home-manager sops=$sources/sops-nix niri=$sources/niri-flake
read -r _ nixpkgs_repo nixpkgs_rev <<<"${pins[0]}"
read -r _ hm_repo hm_rev <<<"${pins[1]}"
read -r _ sops_repo sops_rev <<<"${pins[2]}"
read -r _ niri_repo niri_rev <<<"${pins[3]}"

run nixos "$nixpkgs_repo" "$nixpkgs_rev" "$nixpkgs"
run home-manager "$hm_repo" "$hm_rev" "$hm" "$nixpkgs"
run sops-nix.nixos "$sops_repo" "$sops_rev" "$sops" "$nixpkgs"
run sops-nix.home-manager "$sops_repo" "$sops_rev" "$sops" "$hm" "$nixpkgs"
run niri.nixos "$niri_repo" "$niri_rev" "$niri" "$nixpkgs"
run niri.home-manager "$niri_repo" "$niri_rev" "$niri" "$hm" "$nixpkgs"
