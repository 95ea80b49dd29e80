"""Chroma error of `real` (luminance network, chroma by bicubic) and the RGB candidates on JPEG-compressed LR faces.

PSNR of the Cb and Cr planes (PIL's full-range YCbCr, 2-pixel border shaved) against the clean HR, on
faces_more/valid_photos degraded by the benchmark suite's jpeg75 and jpeg50 (the same LR bytes srfaces_evaluate uses).
    python logs/real_rgb_chroma.py > logs/real_rgb_chroma.md      # from the repository root, 1 thread, about a minute
"""
import numpy as np, torch
from pathlib import Path
from srfaces.core import imresize, rgb_to_ycbcr
from srfaces.io import find_images, load_rgb
from srfaces.degrade import parse_degradation
from srfaces.restore import upscale

torch.set_num_threads(1)
faces = find_images(Path('../shared/data/faces_more/valid_photos'))
methods = {'bicubic': None, 'real': 'real', 'real_rgb/best': 'runs/real_rgb/best.pt', 'real_rgb_mse/best': 'runs/real_rgb_mse/best.pt'}

def chroma_psnr(sr, hr, shave=2):
    a, b = (rgb_to_ycbcr(x.astype(np.float64))[shave:-shave, shave:-shave, 1:] for x in (sr, hr))
    return 10 * np.log10(255 ** 2 / np.mean((a - b) ** 2))

print('| LR input | ' + ' | '.join(methods) + ' |\n|---|' + '---|' * len(methods))
for name in ('jpeg75', 'jpeg50'):
    d, scores = parse_degradation(name), {m: [] for m in methods}
    for f in faces:
        hr = load_rgb(f); lr = d(hr, imresize(hr, 0.5), seed=0)
        for m, model in methods.items():
            sr = imresize(lr, 2.0) if model is None else upscale(lr, model, progress=False)
            scores[m].append(chroma_psnr(sr, hr))
    print(f'| {name} | ' + ' | '.join(f'{np.mean(v):.2f}' for v in scores.values()) + ' |')
