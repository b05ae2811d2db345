#!/usr/bin/env bash
# End-to-end cost of Lux in `dotnet build`: the same config project built with Lux's generator and
# analyzers connected and disconnected, with nothing changed (no-op) and after a one-line edit in one
# host. The variants' builds are interleaved, round by round, each round in a rotated order: this machine's
# speed drifts by tens of percent within minutes, and timing all of one variant and then all of the other
# (as hyperfine does) would put that drift into the ratio.
#
#   benchmarks/e2e.sh [S|M|L]          (default M; RUNS=10 WARMUP=2 by default)
#   SERVER=1 benchmarks/e2e.sh M       the same through the compiler server (-p:UseSharedCompilation=true)
#   COMPARE=<dll> benchmarks/e2e.sh M  a third variant, connected to another build of Lux.Generators.dll (a
#                                      ReadyToRun image, say), timed in the same rounds
#
# Needs python3. Writes the projects under a temporary directory (kept: its path is printed) and the results to
# benchmarks/results/e2e-<size>[-server].{md,json}. Builds run as the environment says: where
# UseSharedCompilation=false (as on this machine and in CI) every build starts a new csc process, so the generator
# runs cold. SERVER=1 builds through the compiler server, as a developer's machine does by default: Lux's caches
# then live from build to build.
set -euo pipefail

size=${1:-M}
runs=${RUNS:-10}
warmup=${WARMUP:-2}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
results="$root/benchmarks/results"
work=$(mktemp -d "/tmp/lux-e2e-$size.XXXXXX")
mkdir -p "$results"

echo "==> building Lux.Benchmarks (Release) and writing fleet $size to $work"
dotnet build "$root/Lux.Benchmarks/Lux.Benchmarks.csproj" -c Release -nologo -v:q -clp:NoSummary
dotnet "$root/Lux.Benchmarks/bin/Release/net10.0/Lux.Benchmarks.dll" project "$size" "$work"

variants=(connected disconnected)
if [ -n "${COMPARE:-}" ]; then
  mkdir -p "$work/lib-compare"
  cp "$work/lib/"*.dll "$work/lib-compare/"
  cp "$COMPARE" "$work/lib-compare/Lux.Generators.dll"
  mkdir -p "$work/connected-compare"
  (cd "$work/connected" && tar --exclude=./bin --exclude=./obj -cf - .) | (cd "$work/connected-compare" && tar -xf -)
  sed -i 's#\.\./lib/Lux\.Generators\.dll#../lib-compare/Lux.Generators.dll#' "$work/connected-compare/Fleet.csproj"
  variants+=(connected-compare)
  echo "==> compared: Lux connected to $COMPARE"
fi

build=(dotnet build --no-restore -nologo -v:q -clp:NoSummary)
mode=""
if [ "${SERVER:-0}" = 1 ]; then
  build+=(-p:UseSharedCompilation=true)
  mode="-server"
fi
for variant in "${variants[@]}"; do
  echo "==> first build: $variant"
  dotnet build "$work/$variant" -nologo -v:q -clp:NoSummary ${mode:+-p:UseSharedCompilation=true}
done

echo "==> load average before timing: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "$size$mode" "$results" "${COMPARE:-}" "$runs" "$warmup" "${variants[*]}" "${build[@]}" <<'PY'
import json, re, statistics, subprocess, sys, time

work, name, results, compare, runs, warmup, variants = sys.argv[1:8]
runs, warmup, variants = int(runs), int(warmup), variants.split()
build = sys.argv[8:]
edit = dict(re.match(r"(\w+)=(.*)", line).groups() for line in open(f"{work}/edit.env") if "=" in line)
edit = {k: v.strip().strip("'\"") for k, v in edit.items()}

def toggle(variant):
    """The edit: one literal in one host, flipped before each timed build so every build has a change."""
    path = f"{work}/{variant}/{edit['EDIT_FILE']}"
    text = open(path).read()
    before, after = edit["EDIT_BEFORE"], edit["EDIT_AFTER"]
    text = text.replace(before, after, 1) if before in text else text.replace(after, before, 1)
    open(path, "w").write(text)

def timed(variant):
    start = time.perf_counter()
    done = subprocess.run(build + [f"{work}/{variant}"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build of {variant} failed:\n{done.stdout}\n{done.stderr}")
    return seconds

measured = {}
for kind in ("noop", "edit"):
    times = {v: [] for v in variants}
    for round in range(warmup + runs):
        order = variants[round % len(variants):] + variants[:round % len(variants)]
        for variant in order:
            if kind == "edit":
                toggle(variant)
            seconds = timed(variant)
            if round >= warmup:
                times[variant].append(seconds)
    measured[kind] = times
    json.dump({"kind": kind, "build": build, "compared": compare, "rounds": runs, "times": times},
              open(f"{results}/e2e-{name}-{kind}.json", "w"), indent=1)

load = open("/proc/loadavg").read().split()[:3]
def median_ratio(times, a, b):
    return statistics.median(x / y for x, y in zip(times[a], times[b]))
header = "| Build | Lux connected | Lux disconnected | Ratio | Ratio, median of rounds |"
if compare:
    header += " Lux connected, compared | Ratio, compared |"
lines = [f"Fleet {name}; medians of {runs} interleaved rounds (s); load average after: {' '.join(load)}"
         + (f"; compared: {compare}" if compare else ""), "",
         header, "|---|" + "---:|" * (header.count("|") - 2)]
for kind, label in (("noop", "no-op"), ("edit", "one-line edit")):
    times = measured[kind]
    m = {v: statistics.median(t) for v, t in times.items()}
    row = f"| {label} | {m['connected']:.3f} | {m['disconnected']:.3f} | {m['connected'] / m['disconnected']:.2f} | {median_ratio(times, 'connected', 'disconnected'):.2f} |"
    if compare:
        row += f" {m['connected-compare']:.3f} | {m['connected-compare'] / m['disconnected']:.2f} |"
    lines.append(row)
text = "\n".join(lines) + "\n"
open(f"{results}/e2e-{name}.md", "w").write(text)
print(text)
PY
echo "projects kept in $work"
