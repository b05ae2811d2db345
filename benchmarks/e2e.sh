#!/usr/bin/env bash
# End-to-end cost of Lux in `dotnet build`: the same config project built with Lux's generator and
# analyzers connected and disconnected, with nothing changed (no-op) and after a one-line edit in one
# host, timed by hyperfine in one session so the ratio compares like with like.
#
#   benchmarks/e2e.sh [S|M|L]          (default M; RUNS=10 WARMUP=2 by default)
#   SERVER=1 benchmarks/e2e.sh M       the same through the compiler server (-p:UseSharedCompilation=true)
#   R2R=0 benchmarks/e2e.sh M          Lux.Generators as IL even where the package would use its ReadyToRun image
#
# Needs hyperfine (apt-get install hyperfine) and python3. Writes the two projects under a temporary
# directory (kept: its path is printed) and the results to benchmarks/results/e2e-<size>.{md,json}.
# Builds run as the environment says: where UseSharedCompilation=false (as on this machine and in CI)
# every build starts a new csc process, so the generator runs cold (as IL, JIT and all). SERVER=1 builds through the
# compiler server, as a developer's machine does by default: Lux's caches then live from build to build.
# The results name the mode (e2e-<size>[-server]).
set -euo pipefail

size=${1:-M}
runs=${RUNS:-10}
warmup=${WARMUP:-2}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
results="$root/benchmarks/results"
work=$(mktemp -d "/tmp/lux-e2e-$size.XXXXXX")
mkdir -p "$results"

command -v hyperfine >/dev/null || { echo "hyperfine not found: apt-get install hyperfine" >&2; exit 1; }

echo "==> building Lux.Benchmarks (Release) and writing fleet $size to $work"
dotnet build "$root/Lux.Benchmarks/Lux.Benchmarks.csproj" -c Release -nologo -v:q -clp:NoSummary
dotnet "$root/Lux.Benchmarks/bin/Release/net10.0/Lux.Benchmarks.dll" project "$size" "$work"
# The generator as the package gives it to this compiler: precompiled where the Release build made an image
# (linux-x64), as the IL otherwise or with R2R=0.
image="$root/Lux.Generators/bin/Release/netstandard2.0/r2r/linux-x64/Lux.Generators.dll"
if [ "${R2R:-1}" = 1 ] && [ -f "$image" ]; then
  cp "$image" "$work/lib/Lux.Generators.dll"
  generator="ReadyToRun"
else
  generator="IL"
fi
echo "==> Lux.Generators: $generator"

# The edit: one literal in one host, toggled before each timed run so every run has a change to build.
cat > "$work/toggle.sh" <<'TOGGLE'
#!/usr/bin/env bash
set -euo pipefail
here=$(dirname "${BASH_SOURCE[0]}")
source "$here/edit.env"
file="$here/$1/$EDIT_FILE"
if grep -qF -- "$EDIT_BEFORE" "$file"; then from=$EDIT_BEFORE to=$EDIT_AFTER; else from=$EDIT_AFTER to=$EDIT_BEFORE; fi
FROM=$from TO=$to perl -pi -e 's/\Q$ENV{FROM}\E/$ENV{TO}/' "$file"
TOGGLE
chmod +x "$work/toggle.sh"

build="dotnet build --no-restore -nologo -v:q -clp:NoSummary"
mode=""
if [ "${SERVER:-0}" = 1 ]; then
  build="$build -p:UseSharedCompilation=true"
  mode="-server"
fi
for variant in connected disconnected; do
  echo "==> first build: $variant"
  dotnet build "$work/$variant" -nologo -v:q -clp:NoSummary ${mode:+-p:UseSharedCompilation=true}
done

echo "==> load average before timing: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup "$warmup" --runs "$runs" --export-json "$results/e2e-$size$mode-noop.json" \
  -n "no-op, Lux connected" "$build $work/connected" \
  -n "no-op, Lux disconnected" "$build $work/disconnected"
hyperfine --warmup "$warmup" --runs "$runs" --export-json "$results/e2e-$size$mode-edit.json" \
  --prepare "$work/toggle.sh connected" -n "one-line edit, Lux connected" "$build $work/connected" \
  --prepare "$work/toggle.sh disconnected" -n "one-line edit, Lux disconnected" "$build $work/disconnected"

python3 - "$size$mode" "$results" "$(cut -d' ' -f1-3 /proc/loadavg)" "$generator" <<'PY'
import json, statistics, sys
size, results, load, generator = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
lines = [f"Fleet {size}, Lux.Generators as {generator}; medians of hyperfine runs (s); load average after: {load}", "",
         "| Build | Lux connected | Lux disconnected | Ratio |", "|---|---:|---:|---:|"]
for kind, label in (("noop", "no-op"), ("edit", "one-line edit")):
    data = json.load(open(f"{results}/e2e-{size}-{kind}.json"))["results"]
    medians = {r["command"].split(", Lux ")[1]: statistics.median(r["times"]) for r in data}
    ratio = medians["connected"] / medians["disconnected"]
    lines.append(f"| {label} | {medians['connected']:.3f} | {medians['disconnected']:.3f} | {ratio:.2f} |")
text = "\n".join(lines) + "\n"
open(f"{results}/e2e-{size}.md", "w").write(text)
print(text)
PY
echo "projects kept in $work"
