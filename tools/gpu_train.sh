#!/usr/bin/env bash
# One command for a briefly lent GPU (the device tool). Trains FastFace2 candidates side by side on one GPU, each for
# the same wall-clock budget, with every face in GPU memory (tools/gpu_train.py), and leaves weights + logs in OUT
# (checkpoints rewritten every minute, so a run cut short still returns its latest weights). Candidates are compared
# on the held-out selection split, never on the reported sets.
# The first GPU run (04_train, logs/gpu1: bf16, batch 256, 470 s, three runs sharing the GPU) taught: float32 beats
# bf16 here, and large batches learn less per sample; so this runs float32, batch 32, Adam 1e-3.
# VDSR=1 adds a VDSR run (as in logs/gpu1). Before: tools/make_gpu_data.sh (gpu_data/, carried) and fastcore's wheel
# in .whl/ (the GPU machine has torch, numpy, pillow, scikit-image, but no PyPI).   There: tools/gpu_train.sh "$OUT"
# Tiny CPU check: DEVICE=cpu BUDGET=20 SMALL=1 tools/gpu_train.sh /tmp/gpu_check
set -uo pipefail
out=${1:?usage: tools/gpu_train.sh OUT}; budget=${BUDGET:-450}; device=${DEVICE:-cuda}; g=${GPU_DATA:-gpu_data}
mkdir -p "$out"
if ! python3 -c "import fastcore" 2>/dev/null; then
  python3 -m pip install -q --no-index --no-deps --no-compile --upgrade --target /tmp/site .whl/*.whl || exit 1
  export PYTHONPATH=/tmp/site
fi
export PYTHONPATH=${PYTHONPATH:+$PYTHONPATH:}$PWD PYTHONUNBUFFERED=1
common=(--train $g/train1024 $g/train256 --valid select=$g/select valid256=$g/valid256 valid1024=$g/valid1024
        --device "$device" --seconds "$budget" --precision fp32)
if [ -n "${SMALL:-}" ]; then small=(--bs 8 --lr_crop 24 --threads 1); vsmall=(--depth 4 --channels 8); else small=(); vsmall=(); fi
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.used,utilization.gpu --format=csv
python3 tools/gpu_train.py "${common[@]}" --arch fast2 --channels 48 --blocks 5 --bs 32 --lr_crop 64 --lr 1e-3 "${small[@]}" --out "$out/fast2_48x5.pt" > "$out/fast2_48x5.log" 2>&1 &
python3 tools/gpu_train.py "${common[@]}" --arch fast2 --channels 48 --blocks 6 --bs 32 --lr_crop 64 --lr 1e-3 "${small[@]}" --out "$out/fast2_48x6.pt" > "$out/fast2_48x6.log" 2>&1 &
if [ -n "${VDSR:-}" ]; then
  python3 tools/gpu_train.py "${common[@]}" --arch vdsr "${vsmall[@]}" --bs 64 --lr_crop 64 --lr 2e-4 --min_lr 1e-6 --clip 1 "${small[@]}" --out "$out/vdsr.pt" > "$out/vdsr.log" 2>&1 &
fi
command -v nvidia-smi >/dev/null && (sleep 90; nvidia-smi --query-gpu=name,memory.used,utilization.gpu --format=csv,noheader) &
wait
tail -n 6 "$out"/*.log
