"""Chroma error of `real` (luminance network, chroma by bicubic) and the RGB candidates on JPEG-compressed LR faces.

PSNR of the Cb and Cr planes (PIL's full-range YCbCr, 2-pixel border shaved) against the clean HR, on
faces_more/valid_photos degraded by the benchmark suite's jpeg75 and jpeg50 (the same LR bytes srfaces_evaluate uses).
    python logs/real_rgb_chroma.py > logs/real_rgb_chroma.md      # from the repository root, 1 thread, about a minute
"""
import numpy as np, torch
from pathlib import Path
from skimage.metrics import peak_signal_noise_ratio
from srfaces.core import imresize, rgb_to_ycbcr
from srfaces.io import find_images, load_rgb
from srfaces.degrade import parse_degradation
from srfaces.restore import upscale

torch.set_num_threads(1)
faces = [(hr, imresize(hr, 0.5)) for hr in map(load_rgb, find_images(Path('../shared/data/faces_more/valid_photos')))]
methods = {'bicubic': None, 'real': 'real', 'real_rgb/best': 'runs/real_rgb/best.pt', 'real_rgb_mse/best': 'runs/real_rgb_mse/best.pt'}

def chroma(x, shave=2): return rgb_to_ycbcr(x.astype(np.float64))[shave:-shave, shave:-shave, 1:]

print('| LR input | ' + ' | '.join(methods) + ' |\n|---|' + '---|' * len(methods))
for name in ('jpeg75', 'jpeg50'):
    d, scores = parse_degradation(name), {m: [] for m in methods}
    for hr, clean_lr in faces:
        lr = d(hr, clean_lr)
        for m, model in methods.items():
            sr = imresize(lr, 2.0) if model is None else upscale(lr, model)
            scores[m].append(peak_signal_noise_ratio(chroma(hr), chroma(sr), data_range=255))
    print(f'| {name} | ' + ' | '.join(f'{np.mean(v):.2f}' for v in scores.values()) + ' |')
