#!/usr/bin/env bash
# One script for a briefly lent GPU: install, prepare the faces, train the default design (FastFace2) in ~10 minutes
# with bf16 autocast and the faces cached in memory, and leave weights + logs in OUT (the device tool's $OUT).
# Usage: tools/gpu_train.sh OUT            (on the GPU machine, from the repository root)
# Tiny CPU check: DEVICE=cpu EPOCHS=1 REPEAT=1 BS=8 tools/gpu_train.sh /tmp/gpu_check
set -euo pipefail
out=${1:?usage: tools/gpu_train.sh OUT}
device=${DEVICE:-cuda}; epochs=${EPOCHS:-60}; repeat=${REPEAT:-64}; bs=${BS:-128}; lr=${LR:-2e-3}
mkdir -p "$out"
python -c "import srfaces" 2>/dev/null || python -m pip install --quiet -e .
tools/prepare_faces.sh "${SHARED:-../shared/data}" "${DATA:-data}" 2>&1 | tee "$out/prepare.log"
start=$(date +%s)
srfaces_train "${DATA:-data}/faces_all" --arch fast2 --epochs "$epochs" --repeat "$repeat" --bs "$bs" --lr "$lr" \
  --device "$device" --workers "${WORKERS:-4}" --out "$out/run" --quiet ${RESUME:+--resume} 2>&1 | tee "$out/train.log"
echo "trained in $(( $(date +%s) - start )) s on $device: $out/run/{last.pt,best.pt,log.csv,curves.png}" | tee -a "$out/train.log"
