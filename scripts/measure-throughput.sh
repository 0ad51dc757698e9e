#!/usr/bin/env bash
# Issue #26's measurements, for a QUIET machine (nothing else running). Prints compact tables.
#
#  (i)  the OpenMP wait policy: one STS-B lora run (MiniLM, top-2 layers, 1 epoch, glue.yaml's settings),
#       quiet and beside two `yes > /dev/null` busy loops, for each setting of SURM_OPENMP
#       (off = libgomp's default spin, passive, spin counts 1000 / 10000 / 30000), interleaved, REPEATS times;
#       each run gets a fresh results folder and a COLD activation cache (fresh SURM_CACHE_DIR), so
#       "wall" includes building the cache and "cache" is the cache's share from the log.
#  (ii) run --jobs 1 against --jobs 2 on a handful of main-job runs (stsb + cola x 4 methods, seed 1,
#       1 epoch): wall, runs per hour, and whether the metrics agree. --jobs 1 trains at 2 threads per run,
#       --jobs 2 at 1 (the rule: equal threads per run give identical numbers; other counts may change last
#       bits — the table says whether they did).
#
# Usage:  mvn -B -ntp -q -DskipTests package && GLUE_DIR=/path/to/glue scripts/measure-throughput.sh
# Knobs (environment): REPEATS (2), TRAIN_LIMIT (2000 STS-B/CoLA training examples; 0 = all, as the
#   issue measured, ~2.5x longer), SETTINGS ("off passive 1000 10000 30000"), PART ("i ii": which parts),
#   KEEP=1 keeps the work folder; EVAL_LIMIT (0 = every dev example) only for a quick dry run of the script.
# Before/after: `java -jar target/surm-bench.jar bench train-step --method lora` and `--method full`
#   (optionally with SURM_OPENMP=off to compare with libgomp's default, and --threads N).
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/surm-bench.jar
[[ -f $JAR ]] || { echo "measure-throughput: $JAR is missing; build it first: mvn -B -ntp -q -DskipTests package" >&2; exit 2; }
[[ -n ${GLUE_DIR:-} && -f $GLUE_DIR/STS-B/train.tsv ]] || {
  echo "measure-throughput: GLUE_DIR must name the GLUE folder (with STS-B/train.tsv); got '${GLUE_DIR:-}'" >&2; exit 2; }
REPEATS=${REPEATS:-2}
TRAIN_LIMIT=${TRAIN_LIMIT:-2000}
SETTINGS=${SETTINGS:-off passive 1000 10000 30000}
PART=${PART:-i ii}
JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
[[ -f $JEMALLOC ]] && export LD_PRELOAD=$JEMALLOC   # as the Maven profiles run it
WORK=$(mktemp -d "${TMPDIR:-/tmp}/surm-throughput.XXXXXX")
BUSY=()
cleanup() {
  ((${#BUSY[@]})) && kill "${BUSY[@]}" 2>/dev/null || true
  [[ ${KEEP:-0} == 1 ]] && echo "work folder kept: $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

suite() { # name tasks methods
  cat > "$WORK/$1.yaml" <<YAML
name: $1
defaults:
  backbone: embedded:all-minilm-l6-v2
  adapt_layers: top-2
  pooling: mean
  dropout: 0.1
  max_length: 128
  batch_size: 16
  eval_batch_size: 64
  epochs: 1
  learning_rate: 0.002
  weight_decay: 0.0
  warmup_ratio: 0.06
  max_grad_norm: 1.0
  train_limit: $TRAIN_LIMIT
  eval_limit: ${EVAL_LIMIT:-0}
  headline: surm-paper
tasks: $2
methods: $3
seeds: [1]
YAML
}
suite policy "[stsb]" "[lora]"
suite jobs "[stsb, cola]" "[{method: full, learning_rate: 0.0001}, lora, adapter, circulant]"

n_settings=$(wc -w <<<"$SETTINGS")
est_i=$(( REPEATS * n_settings * (TRAIN_LIMIT == 0 ? 260 : 110) ))
est_ii=$(( TRAIN_LIMIT == 0 ? 1500 : 420 ))
est=0
[[ " $PART " == *" i "* ]] && est=$((est + est_i))
[[ " $PART " == *" ii "* ]] && est=$((est + est_ii))
echo "measure-throughput: about $((est / 60)) minutes on 2 cores (part i: $REPEATS x [$SETTINGS] x quiet/busy;" \
     "part ii: 8 runs at --jobs 1 and 2; TRAIN_LIMIT=$TRAIN_LIMIT). Work folder $WORK"

busy_on() { yes > /dev/null & BUSY+=($!); yes > /dev/null & BUSY+=($!); }
busy_off() { ((${#BUSY[@]})) && kill "${BUSY[@]}" 2>/dev/null; wait "${BUSY[@]}" 2>/dev/null || true; BUSY=(); }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# sum of "... through layers 0-3 in 12 s ..." lines (one per cache entry: training and dev examples)
cache_seconds() { grep -oE 'through layers [0-9-]+ in [0-9]+ s' "$1" | awk '{ s += $(NF-1) } END { print s + 0 }'; }
# "RUN_ID METRIC_VALUE" per trained run, sorted
metrics() { grep -oE '\] [0-9a-f]{16}: completed [A-Za-z0-9_.-]+ best [^ ]+' "$1" | awk '{ print $2, $NF }' | tr -d ':' | sort; }

# ---- part i: OpenMP wait policy, quiet vs busy ----------------------------------------------------------
if [[ " $PART " == *" i "* ]]; then
  TSV=$WORK/policy.tsv
  for ((r = 1; r <= REPEATS; r++)); do
    for s in $SETTINGS; do
      for load in quiet busy; do
        dir=$WORK/policy-$s-$load-$r
        mkdir -p "$dir"
        [[ $load == busy ]] && busy_on
        t0=$(now)
        status=ok
        env -u OMP_WAIT_POLICY -u GOMP_SPINCOUNT SURM_OPENMP="$s" SURM_CACHE_DIR="$dir/cache" \
          java -Xmx4g -Dai.djl.offline=true -jar "$JAR" run "$WORK/policy.yaml" --out "$dir/out" > "$dir/log.txt" 2>&1 \
          || status="FAILED ($dir/log.txt)"
        t1=$(now)
        busy_off
        wall=$(seconds "$t0" "$t1")
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$load" "$r" "$wall" "$(cache_seconds "$dir/log.txt")" \
          "$(metrics "$dir/log.txt" | awk '{ print $2 }')${status/ok/}" >> "$TSV"
        echo "  $s $load #$r: ${wall}s ($(grep -m1 -o 'OpenMP wait: [^(]*' "$dir/log.txt" || echo '?'))"
      done
    done
  done
  echo
  echo "(i) one STS-B lora run, 1 epoch, MiniLM top-2, cold cache; wall = the whole command, seconds"
  awk -F'\t' '
    { key = $1; n[key, $2]++; w[key, $2] += $4; c[key, $2] += $5; walls[key, $2] = walls[key, $2] " " $4
      m[key] = m[key] == "" ? $6 : m[key]; if ($6 != m[key]) diff[key] = 1; order[key] = order[key] ? order[key] : ++k; names[k] = key }
    END {
      printf "%-9s %-18s %-18s %-10s %-14s %s\n", "SURM_OPENMP", "quiet walls", "busy walls", "busy/quiet", "cache q / b", "metric"
      for (i = 1; i <= k; i++) { s = names[i]
        q = w[s, "quiet"] / n[s, "quiet"]; b = w[s, "busy"] / n[s, "busy"]
        printf "%-11s %-18s %-18s %-10s %-14s %s%s\n", s, walls[s, "quiet"], walls[s, "busy"], sprintf("%.2fx", b / q),
          sprintf("%.0f / %.0f s", c[s, "quiet"] / n[s, "quiet"], c[s, "busy"] / n[s, "busy"]), m[s], diff[s] ? " (DIFFERS between repeats)" : "" }
    }' "$WORK/policy.tsv"
  echo "targets: busy <= 2.2x quiet; quiet within 3% of 'off' (today). Keep the winner in OpenMpWaitPolicy.DEFAULT."
fi

# ---- part ii: --jobs 1 vs --jobs 2 ------------------------------------------------------------------------
if [[ " $PART " == *" ii "* ]]; then
  declare -A WALL
  for j in 1 2; do
    dir=$WORK/jobs-$j
    mkdir -p "$dir"
    t0=$(now)
    env SURM_CACHE_DIR="$dir/cache" java -Xmx4g -Dai.djl.offline=true -jar "$JAR" run "$WORK/jobs.yaml" --out "$dir/out" \
      --jobs "$j" > "$dir/log.txt" 2>&1 || echo "  --jobs $j FAILED: see $dir/log.txt (KEEP=1 keeps it)"
    t1=$(now)
    WALL[$j]=$(seconds "$t0" "$t1")
    metrics "$dir/log.txt" > "$dir/metrics.txt"
    echo "  --jobs $j: ${WALL[$j]}s, $(wc -l < "$dir/metrics.txt") runs trained ($(grep -m1 -oE 'threads: [^;]*' "$dir/log.txt"))"
  done
  echo
  echo "(ii) stsb + cola x full, lora, adapter, circulant, seed 1, 1 epoch, TRAIN_LIMIT=$TRAIN_LIMIT, cold cache"
  printf '%-8s %-10s %-10s\n' "jobs" "wall s" "runs/hour"
  for j in 1 2; do
    printf '%-8s %-10s %-10s\n' "$j" "${WALL[$j]}" "$(awk -v w="${WALL[$j]}" -v n="$(wc -l < "$WORK/jobs-$j/metrics.txt")" 'BEGIN { printf "%.0f", n * 3600 / w }')"
  done
  awk -v a="${WALL[1]}" -v b="${WALL[2]}" 'BEGIN { printf "throughput --jobs 2 / --jobs 1: %.2fx (target >= 1.2x)\n", a / b }'
  if diff -q "$WORK/jobs-1/metrics.txt" "$WORK/jobs-2/metrics.txt" > /dev/null; then
    echo "metrics: identical to 4 decimals at 2 threads/run (--jobs 1) and 1 thread/run (--jobs 2)"
  else
    echo "metrics: differ between 2 and 1 threads per run (allowed by the rule; JobsTest checks equal threads are exact):"
    join "$WORK/jobs-1/metrics.txt" "$WORK/jobs-2/metrics.txt" | awk '$2 != $3 { print "  " $0 }'
  fi
fi
echo
echo "bench train-step before/after (tokens/s; run on the same quiet machine):"
echo "  java -jar $JAR bench train-step --method lora ; java -jar $JAR bench train-step --method full"
echo "  SURM_OPENMP=off java -jar $JAR bench train-step --method lora   # libgomp's default spin, for comparison"
