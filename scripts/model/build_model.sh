#!/usr/bin/env bash
# Build the Dutch base model models/nl_ud_base from the UD Dutch treebanks.
#
#   scripts/model/build_model.sh [UD_DIR]      (default: ../shared/data/ud)
#
# Steps: normalise (build/ud) -> spacy convert (build/corpus) -> spacy train
# (build/training, config models/config.cfg, fixed seed) -> package the best
# model to models/nl_ud_base (senter disabled, parser sets sentences) ->
# evaluate on the held-out UD test files -> models/nl_ud_base_scores.json.
#
# Environment: PYTHON (default .venv/bin/python), SKIP_TRAIN=1 to re-package and
# re-evaluate an existing build/training/model-best without training again.
# Training is single-threaded on purpose (shared 2-core machine); it takes
# roughly 45-60 minutes.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
UD_DIR="${1:-../shared/data/ud}"
PYTHON="${PYTHON:-$REPO/.venv/bin/python}"
BUILD="$REPO/build"
MODEL_OUT="$REPO/models/nl_ud_base"
SCORES="$REPO/models/nl_ud_base_scores.json"

# reproducibility + single process
export PYTHONHASHSEED=0 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 BLIS_NUM_THREADS=1

[ -d "$UD_DIR" ] || { echo "UD_DIR not found: $UD_DIR" >&2; exit 1; }
mkdir -p "$BUILD"

echo "== 1/5 normalise $UD_DIR -> build/ud"
"$PYTHON" scripts/model/normalise_ud.py "$UD_DIR" --out "$BUILD/ud" > "$BUILD/normalise.log"
tail -n 40 "$BUILD/normalise.log"

echo "== 2/5 convert -> build/corpus"
rm -rf "$BUILD/corpus" && mkdir -p "$BUILD/corpus"
for split in train dev test test_alpino test_lassysmall; do
    "$PYTHON" -m spacy convert "$BUILD/ud/$split.conllu" "$BUILD/corpus" \
        --converter conllu --n-sents 10 --lang nl
done

if [ "${SKIP_TRAIN:-0}" != "1" ]; then
    echo "== 3/5 train (log: build/train.log)"
    rm -rf "$BUILD/training"
    start=$(date +%s)
    "$PYTHON" -m spacy train models/config.cfg --output "$BUILD/training" \
        --paths.train "$BUILD/corpus/train.spacy" --paths.dev "$BUILD/corpus/dev.spacy" \
        2>&1 | tee "$BUILD/train.log"
    echo $(( $(date +%s) - start )) > "$BUILD/train_seconds.txt"
fi

echo "== 4/5 package build/training/model-best -> models/nl_ud_base"
"$PYTHON" scripts/model/package_model.py "$BUILD/training/model-best" "$MODEL_OUT"

echo "== 5/5 evaluate on the held-out UD test files"
"$PYTHON" scripts/model/evaluate_model.py "$MODEL_OUT" "$BUILD/corpus" "$SCORES"
du -sh "$MODEL_OUT"
