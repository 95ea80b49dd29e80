"""PTQ calibration-set size: ONNX Runtime int8 (every nn.Conv2d, min/max) of the FastFace2 `fast2` (the shipped `fast` until 2026-12-04: git show 9f1b1bb:srfaces/weights/fast.pt > runs/fast2.pt) and the public RLFN-S, calibrated on
N training LR faces (evenly spread over data/real/train/lr) or on the built-in sample photos; PSNR on the selection split
of data/real (32 real press photos). Run from the repository root: python logs/int8_calibration_size.py"""
import csv, torch
from srfaces.export import int8_model, calibration_images
from srfaces.evaluate import evaluate
from srfaces.anchors import load_reference_rlfn
from srfaces.checkpoint import load_model
torch.set_num_threads(2)
rows = []
for name, net in (('fast2', load_model('runs/fast2.pt')), ('rlfn-s', load_reference_rlfn('rlfn-s', '../shared/data/reference'))):
    fp32 = evaluate('data/real/select', [net], engine='onnx')[0][0]['psnr']
    rows.append(dict(model=name, calibration='float32 (no quantization)', images=0, select_psnr=round(fp32, 3)))
    for label, source, count in [('built-in sample photos', None, 10), ('training faces', 'data/real/train/lr', 4),
                                 ('training faces', 'data/real/train/lr', 16), ('training faces', 'data/real/train/lr', 64),
                                 ('training faces', 'data/real/train/lr', 256)]:
        runtime = int8_model(net, calibration_images(source, count))
        psnr = evaluate('data/real/select', [runtime])[0][0]['psnr']
        rows.append(dict(model=name, calibration=label, images=min(count, 10 if source is None else count), select_psnr=round(psnr, 3)))
        print(rows[-1], flush=True)
with open('logs/int8_calibration_size.csv', 'w', newline='') as f:
    w = csv.DictWriter(f, list(rows[0])); w.writeheader(); w.writerows(rows)
