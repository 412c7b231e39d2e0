#!/usr/bin/env bash
# Compares the scale sample (README "Performance") of two commits side by side, in one session: builds each
# commit's samples program (a JIT Release build and a NativeAOT publish) in a temporary git worktree, runs them
# interleaved at N services, and prints the medians of wall time, user+sys CPU, peak RSS and the sample's own
# stderr figures (allocated bytes, JIT-compiled methods and IL bytes, GC pauses, phase times), then the
# JIT-compiled methods of each JIT build counted by namespace, and checks that both wrote the same YAML.
#
#   tools/perf/compare-scale.sh [-k RUNS] [-n SERVICES] [--jit-only] [--own-samples] BEFORE [AFTER]
#
# BEFORE and AFTER are commits (AFTER defaults to HEAD; only committed work is measured). Both build the scale
# sample's source of AFTER (src/Mesh.Dsl.Samples/Scale/ScaleSample.cs), so both build, validate and write the
# same mesh and the YAML can be compared; --own-samples keeps each commit's own sample instead.
# Exit status: 0 when every build ran and both wrote the same YAML, 1 otherwise, 2 on a wrong command line.
# Needs the .NET SDK, git and GNU time (/usr/bin/time). Leaves no worktree behind, even when interrupted.
set -euo pipefail

usage() { sed -n '8p' "$0" | sed 's/^# *//' >&2; exit 2; }

runs=15
services=10000
aot=1
own_samples=0
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    -k) [ $# -ge 2 ] || usage; runs=$2; shift 2 ;;
    -n) [ $# -ge 2 ] || usage; services=$2; shift 2 ;;
    --jit-only) aot=0; shift ;;
    --own-samples) own_samples=1; shift ;;
    -h|--help) usage ;;
    -*) echo "unknown option $1" >&2; usage ;;
    *) positional+=("$1"); shift ;;
  esac
done
[ ${#positional[@]} -ge 1 ] && [ ${#positional[@]} -le 2 ] || usage
[[ "$runs" =~ ^[1-9][0-9]*$ && "$services" =~ ^[0-9]+$ ]] || usage
[ -x /usr/bin/time ] || { echo "GNU time is needed at /usr/bin/time (Debian/Ubuntu: apt-get install time)" >&2; exit 2; }

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
before=$(git -C "$root" rev-parse --verify --quiet "${positional[0]}^{commit}") || { echo "not a commit: ${positional[0]}" >&2; exit 2; }
after=$(git -C "$root" rev-parse --verify --quiet "${positional[1]:-HEAD}^{commit}") || { echo "not a commit: ${positional[1]}" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/compare-scale.XXXXXX")
worktrees=()
cleanup() {
  for wt in "${worktrees[@]}"; do
    git -C "$root" worktree remove --force "$wt" > /dev/null 2>&1 || true
  done
  rm -rf "$tmp"
  git -C "$root" worktree prune > /dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

sides=(before after)
declare -A commit=([before]=$before [after]=$after)
sample=src/Mesh.Dsl.Samples/Scale/ScaleSample.cs
rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
echo "before: $(git -C "$root" log -1 --format='%h %s' "$before" | cut -c1-100)"
echo "after:  $(git -C "$root" log -1 --format='%h %s' "$after" | cut -c1-100)"
if [ "$own_samples" = 0 ]; then
  echo "sample: $sample of after ($(git -C "$root" rev-parse --short "$after")) in both"
fi
echo "N = $services services, $runs interleaved runs per build; $(nproc) processors; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# Builds: a JIT Release build and (unless --jit-only) a NativeAOT publish of each commit's samples program.
for side in "${sides[@]}"; do
  wt="$tmp/src-$side"
  git -C "$root" worktree add --detach --quiet "$wt" "${commit[$side]}"
  worktrees+=("$wt")
  if [ "$own_samples" = 0 ]; then
    git -C "$root" show "$after:$sample" > "$wt/$sample"
  fi
  echo "building $side: JIT Release build"
  if ! dotnet build "$wt/src/Mesh.Dsl.Samples" -c Release -o "$tmp/jit-$side" -nologo -v q > "$tmp/build-$side.log" 2>&1; then
    tail -n 20 "$tmp/build-$side.log" >&2
    echo "the JIT build of $side failed" >&2
    exit 1
  fi
  if [ "$aot" = 1 ]; then
    echo "building $side: NativeAOT publish ($rid)"
    if ! dotnet publish "$wt/src/Mesh.Dsl.Samples" -c Release -r "$rid" -p:PublishAot=true -o "$tmp/aot-$side" -nologo -v q > "$tmp/publish-$side.log" 2>&1; then
      tail -n 20 "$tmp/publish-$side.log" >&2
      echo "the NativeAOT publish of $side failed: comparing the JIT builds only" >&2
      aot=0
    fi
  fi
done

configs=(jit-before jit-after)
[ "$aot" = 1 ] && configs+=(aot-before aot-after)
binary() { # config -> the program to run
  local mode=${1%%-*} side=${1#*-}
  echo "$tmp/$mode-$side/Mesh.Dsl.Samples"
}
mkdir -p "$tmp/runs" "$tmp/out"

# One run: /usr/bin/time -v's report and the sample's stderr, turned into "config metric value" lines.
run() { # config index
  local config=$1 i=$2
  /usr/bin/time -v -o "$tmp/runs/$config.$i.time" "$(binary "$config")" scale --services "$services" --out "$tmp/out/$config.yaml" \
    > /dev/null 2> "$tmp/runs/$config.$i.err" || { cat "$tmp/runs/$config.$i.err" >&2; echo "$config failed" >&2; exit 1; }
  awk -v c="$config" '
    /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); s = 0; for (j = 1; j <= n; j++) s = s * 60 + t[j]; print c, "wall_s", s }
    /User time \(seconds\)/ { u = $NF }
    /System time \(seconds\)/ { y = $NF }
    /Maximum resident set size/ { printf "%s peak_rss_MB %.1f\n", c, $NF / 1024 }
    END { print c, "cpu_s", u + y; print c, "user_s", u; print c, "sys_s", y }' "$tmp/runs/$config.$i.time"
  awk -v c="$config" '
    /^(build|validate|write|total):/ { k = $1; sub(":", "", k); print c, k "_ms", $2; if ($4 == "MB" && $5 == "allocated") print c, k "_alloc_MB", $3 }
    /^memory:/ { for (j = 1; j <= NF; j++) { if ($j == "allocated") print c, "allocated_MB", $(j + 1); if ($j == "heap" && $(j - 1) == "managed") print c, "managed_heap_MB", $(j + 1) } }
    /^runtime:/ { print c, "jit_methods", $2; for (j = 1; j <= NF; j++) { if ($j == "bytes" && $(j + 1) == "of") { v = $(j - 1); sub("\\(", "", v); print c, "jit_il_bytes", v } if ($j == "in" && $(j + 2) == "ms,") print c, "jit_ms", $(j + 1); if ($j == "pauses") print c, "gc_pause_ms", $(j + 1) } }
  ' "$tmp/runs/$config.$i.err"
}

# A warm-up run of each (disk cache, and the YAML compared below), then the runs, interleaved: the order
# alternates so that a drift in the machine's load weighs on both sides alike.
echo "warming up, then $runs runs of each of ${configs[*]}"
for config in "${configs[@]}"; do run "$config" 0 > /dev/null; done
for ((i = 1; i <= runs; i++)); do
  if ((i % 2)); then order=("${configs[@]}"); else order=(); for ((j = ${#configs[@]} - 1; j >= 0; j--)); do order+=("${configs[j]}"); done; fi
  for config in "${order[@]}"; do run "$config" "$i" >> "$tmp/values"; done
done

median() { # config metric -> median, or "-" when the sample does not print it
  awk -v c="$1" -v m="$2" '$1 == c && $2 == m { print $3 }' "$tmp/values" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
change() { # before after -> relative change, marked "!" above +10 %
  awk -v b="$1" -v a="$2" 'BEGIN { if (b == "-" || a == "-" || b == 0) { print "" } else { d = (a - b) / b * 100; printf "%+.1f%%%s", d, (d > 10 ? " !" : "") } }'
}
range() { # config metric -> min-max
  awk -v c="$1" -v m="$2" '$1 == c && $2 == m { print $3 }' "$tmp/values" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { if (NR) printf "%s-%s", lo, hi }'
}

metrics=(wall_s cpu_s user_s sys_s peak_rss_MB allocated_MB managed_heap_MB build_alloc_MB validate_alloc_MB write_alloc_MB
  jit_methods jit_il_bytes jit_ms gc_pause_ms build_ms validate_ms write_ms total_ms)
modes=(jit)
[ "$aot" = 1 ] && modes+=(aot)
for mode in "${modes[@]}"; do
  echo
  echo "$(echo "$mode" | sed 's/jit/JIT (Release build)/; s/aot/NativeAOT/'): medians of $runs runs (\"!\": more than 10 % above before)"
  printf '%-18s %12s %12s %10s   %s\n' metric before after change "range before | after"
  for metric in "${metrics[@]}"; do
    b=$(median "$mode-before" "$metric")
    a=$(median "$mode-after" "$metric")
    [ "$b" = - ] && [ "$a" = - ] && continue
    [ "$mode" = aot ] && [[ "$metric" == jit_* ]] && continue
    printf '%-18s %12s %12s %10s   %s | %s\n' "$metric" "$b" "$a" "$(change "$b" "$a")" "$(range "$mode-before" "$metric")" "$(range "$mode-after" "$metric")"
  done
done

# Which code each JIT build compiles: one more run of each with the JIT's method list (.NET 8+ release runtimes).
# Counted once per method at its first compilation (Tier0, or optimised at once); the re-compilations of hot
# methods at Tier1, which depend on timing and load, are left out. By namespace (three levels), largest differences first.
echo
echo "Methods JIT-compiled at first use, by namespace (one run each, DOTNET_JitDisasmSummary): before, after, difference"
for side in "${sides[@]}"; do
  DOTNET_JitStdOutFile="$tmp/jit-methods-$side.txt" DOTNET_JitDisasmSummary=1 \
    "$(binary "jit-$side")" scale --services "$services" --out "$tmp/out/methods-$side.yaml" > /dev/null 2>&1
done
awk '
  FNR == 1 { side++ }
  / JIT compiled / && !/\[Tier1/ {
    name = $0; sub(/^ *[0-9]+: JIT compiled /, "", name); sub(/ \[[^\[]*$/, "", name)
    if ((side, name) in seen) next
    seen[side, name] = 1
    type = name; sub(/:.*/, "", type); sub(/\[.*/, "", type)
    n = split(type, part, "."); ns = part[1]; for (j = 2; j <= (n < 3 ? n : 3); j++) ns = ns "." part[j]
    il = $0; sub(/.*IL size=/, "", il); sub(/[^0-9].*/, "", il)
    count[side, ns]++; bytes[side, ns] += il; total[side]++; totalil[side] += il; names[ns] = 1 }
  END {
    printf "%-48s %7d %7d %+7d   IL bytes %d -> %d\n", "all", total[1], total[2], total[2] - total[1], totalil[1], totalil[2]
    for (ns in names) { d = count[2, ns] - count[1, ns]; if (d != 0) printf "%d\t%-48s %7d %7d %+7d   IL bytes %d -> %d\n", (d < 0 ? -d : d), ns, count[1, ns], count[2, ns], d, bytes[1, ns], bytes[2, ns] } }
' "$tmp/jit-methods-before.txt" "$tmp/jit-methods-after.txt" | { read -r all; echo "$all"; sort -t "$(printf '\t')" -k1,1nr -k2,2 | cut -f2- | head -n 20; }

# The same YAML from both commits, and from each commit's two builds.
echo
status=0
compare() { # config config
  if cmp -s "$tmp/out/$1.yaml" "$tmp/out/$2.yaml"; then
    echo "same YAML: $1 and $2 ($(wc -c < "$tmp/out/$1.yaml") bytes)"
  else
    echo "DIFFERENT YAML: $1 and $2 (first difference: $(cmp "$tmp/out/$1.yaml" "$tmp/out/$2.yaml" 2>&1 | sed 's/.*: //'))"
    status=1
  fi
}
compare jit-before jit-after
if [ "$aot" = 1 ]; then
  compare jit-before aot-before
  compare jit-after aot-after
fi
exit $status
