#!/usr/bin/env bash
# Issue #26: `run --jobs 1 / 2 / 3` on a handful of main-job-like runs of one task (seed 1, 1 epoch, validation
# 10%), WARM activation caches (two warm-up calls build them at 1 and 2 threads per run), configurations
# interleaved over two rounds (1 2 3, then 3 2 1). Prints one line per call: wall seconds of the whole `run`
# command, a hash of the runs' printed metrics (equal hashes: equal metrics to the 4 decimals printed), runs.
# For a QUIET machine. Build first: mvn -B -ntp -q -DskipTests package. Knobs (environment):
#   TASK (cola), BACKBONE (embedded:all-minilm-l6-v2), POOLING (mean), TRAIN_LIMIT (0 = all),
#   METHODS ("[lora, adapter, circulant, kronecker, toeplitz, circulant-adapter]"), ORDER1 ("1 2 3"),
#   ORDER2 ("3 2 1"), W (an empty work folder; default a new one under /tmp), JAR (target/surm-bench.jar),
#   COLD (1: no warm-up calls, every call starts from its own empty activation cache — what a first run pays).
#   An ORDER entry N@PATH runs --jobs N with the jar PATH instead of JAR (to compare two builds interleaved);
#   N:T runs --jobs N --threads T (T threads in all, T/N per run: e.g. 2:4 gives each of two runs 2 threads).
# e.g. GLUE_DIR=/data/glue scripts/measure-jobs.sh                       # CoLA, MiniLM: ~16 min
#      GLUE_DIR=/data/glue TASK=rte BACKBONE=maven:bert-base-uncased POOLING=cls TRAIN_LIMIT=400 \
#        METHODS="[lora, adapter, circulant, kronecker]" ORDER1="1 2" ORDER2="2 1" scripts/measure-jobs.sh   # ~15 min
#      COLD=1 ... ORDER1="2@/tmp/old.jar 2 1" ORDER2="1 2 2@/tmp/old.jar" (same RTE knobs)   # cold caches, two builds
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/surm-bench.jar}; TASK=${TASK:-cola}; W=${W:-$(mktemp -d "${TMPDIR:-/tmp}/surm-jobs.XXXXXX")}
[[ -f $JAR ]] || { echo "measure-jobs: $JAR is missing; build it first: mvn -B -ntp -q -DskipTests package" >&2; exit 2; }
[[ -d $W && -n $(ls -A "$W") ]] && { echo "measure-jobs: W=$W is not empty; name a new or empty folder" >&2; exit 2; }
mkdir -p "$W"; echo "measure-jobs: work folder $W"
cat > $W/j.yaml <<YAML
name: j
defaults: {backbone: '${BACKBONE:-embedded:all-minilm-l6-v2}', adapt_layers: top-2, pooling: ${POOLING:-mean}, dropout: 0.1, max_length: 128,
  batch_size: 16, eval_batch_size: 64, epochs: 1, learning_rate: 0.002, warmup_ratio: 0.06, max_grad_norm: 1.0,
  validation: 0.1, headline: surm-paper, train_limit: ${TRAIN_LIMIT:-0}}
tasks: [$TASK]
methods: ${METHODS:-[lora, adapter, circulant, kronecker, toeplitz, circulant-adapter]}
seeds: [1]
YAML
one() { # label jobs[@jar]
  local d=$W/$1; mkdir -p $d
  local jobs=${2%%@*} jar=$JAR cache=$W/cache threads=()
  [[ $2 == *@* ]] && jar=${2#*@}
  [[ $jobs == *:* ]] && { threads=(--threads ${jobs#*:}); jobs=${jobs%%:*}; }
  [[ ${COLD:-0} == 1 ]] && cache=$d/cache
  local t0=$(date +%s.%N)
  SURM_CACHE_DIR=$cache java -Xmx3g -Dai.djl.offline=true -jar $jar run $W/j.yaml --out $d/out --jobs $jobs "${threads[@]}" > $d/log.txt 2>&1 || echo "FAILED $1"
  local t1=$(date +%s.%N)
  local wall=$(awk -v a=$t0 -v b=$t1 'BEGIN{printf "%.1f", b-a}')
  local m=$(grep -oE '\] [0-9a-f]{16}: completed [A-Za-z0-9_.-]+ best [^ ]+' $d/log.txt | awk '{print $2, $NF}' | tr -d ':' | sort | md5sum | cut -c1-8)
  echo "$1 jobs=$2 wall=$wall metrics=$m runs=$(grep -cE '\] [0-9a-f]{16}: completed' $d/log.txt)" | tee -a $W/summary.txt
}
[[ ${COLD:-0} == 1 ]] || { one warm2 2; one warm1 1; }
for r in 1 2; do
  if [[ $r == 1 ]]; then order="${ORDER1:-1 2 3}"; else order="${ORDER2:-3 2 1}"; fi
  i=0; for j in $order; do i=$((i+1)); one "r$r-$i-j${j%%@*}$([[ $j == *@* ]] && echo -other)" $j; done
done
cat $W/summary.txt
