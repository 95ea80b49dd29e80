#!/usr/bin/env bash
# Copy the prepared faces (tools/prepare_faces.sh) into one self-contained folder that can travel to a GPU machine
# (real files, no symlinks; ~37 MB):
#   train1024  faces1024 train split (63)        train256  faces256/train minus the selection split (135)
#   select     every 8th face of faces256/train, from the 4th, in name order (19): choose between candidate models
#   valid256   faces256/valid (53): reported only   valid1024  faces1024 valid split (7): reported only
# Usage: tools/make_gpu_data.sh [DATA=data] [DEST=gpu_data]
set -euo pipefail
data=${1:-data}; dest=${2:-gpu_data}
[ -e "$dest" ] && { echo "make_gpu_data: $dest exists; delete it first" >&2; exit 2; }
for side in hr lr; do
  mkdir -p "$dest"/{train1024,train256,select,valid256,valid1024}/$side
  cp "$data"/faces1024/train/$side/* "$dest/train1024/$side/"
  cp "$data"/faces1024/valid/$side/* "$dest/valid1024/$side/"
  cp "$data"/f256valid/train/$side/* "$dest/valid256/$side/"
done
i=0
for f in $(ls "$data/f256train/train/hr" | sort); do
  split=train256; [ $((i % 8)) -eq 3 ] && split=select
  cp "$data/f256train/train/hr/$f" "$dest/$split/hr/"; cp "$data/f256train/train/lr/${f%.*}.png" "$dest/$split/lr/"
  i=$((i + 1))
done
for d in "$dest"/*; do echo "$d: $(ls "$d/hr" | wc -l) pairs"; done
