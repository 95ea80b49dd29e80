#!/usr/bin/env bash
# Prepare the project's training/validation faces from ../shared/data (see the model card in README.md):
#   DATA/faces1024   faces1024 (70 aligned 1024 faces -> 256 HR / 128 LR), seeded 63 train / 7 valid
#   DATA/f256train   faces256/train (154 faces already at 256), all train
#   DATA/f256valid   faces256/valid (53 distinct faces), all in one split: the validation set we report
#   DATA/faces_all   train = faces1024 train + faces256/train (217 faces), valid = faces256/valid (symlinks, no copies)
# Usage: tools/prepare_faces.sh [SHARED_DATA=../shared/data] [DATA=data]
set -euo pipefail
shared=${1:-../shared/data}
data=${2:-data}
srfaces_prepare "$shared/faces1024" "$data/faces1024"
srfaces_prepare "$shared/faces256/train" "$data/f256train" --valid_pct 0
srfaces_prepare "$shared/faces256/valid" "$data/f256valid" --valid_pct 0
all="$data/faces_all"
mkdir -p "$all/train/hr" "$all/train/lr" "$all/valid"
for side in hr lr; do
  for f in "$data"/faces1024/train/$side/*.png "$data"/f256train/train/$side/*.png; do
    ln -sfn "$(realpath "$f")" "$all/train/$side/$(basename "$f")"
  done
  ln -sfn "$(realpath "$data/f256valid/train/$side")" "$all/valid/$side"
done
echo "$all: $(ls "$all/train/hr" | wc -l) training pairs, $(ls "$all/valid/hr/" | wc -l) validation pairs"
