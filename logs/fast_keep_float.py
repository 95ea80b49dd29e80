"""`fast` as shipped until 2026-12-06 (recipes/experiments/rlfn_s_int8_io.toml, trained for int8) with a few more convolutions float32, no retraining: PSNR on data/real's selection
split (fake-quantized PyTorch, what the int8 graph computes) and CPU time of the ONNX Runtime int8 graphs against the
shipped one and the public VDSR (PyTorch), in rounds on one 128x128 LR face, 2 threads.
Run from the repository root: python logs/fast_keep_float.py > logs/fast_keep_float.md
Another int8-trained model, the same layers floated and its retrained checkpoint (and the name in the table):
  python logs/fast_keep_float.py runs/quality_int8/best.pt runs/quality_keep_float/best.pt quality > logs/quality_keep_float.md
and with other layers float32 than the four (comma-separated):
  python logs/fast_keep_float.py runs/quality_int8/best.pt runs/quality_int8_1x1/best.pt quality block_1.c5,...,block_6.esa.conv4
or from the shipped `fast` (its four float32 layers kept), with one more:
  python logs/fast_keep_float.py runs/fast_keep_float.pt runs/fast_keep_float_c5/best.pt fast_keep_float_c5 block_2.c5"""
import copy, sys, torch, numpy as np
from skimage.data import astronaut
from PIL import Image
from srfaces.checkpoint import load_model
from srfaces.fakequant import quantized_convs, match_keep_float, float_convs
from srfaces.dataset import PairedFaces
from srfaces.train import validate
from srfaces.export import int8_model, model_inputs
from srfaces.anchors import load_public_vdsr
from srfaces.evaluate import latency_rounds, round_shares
torch.set_num_threads(2)
base, trained, name = sys.argv[1:4] if len(sys.argv) > 3 else ('runs/fast_int8_io.pt', 'runs/fast_keep_float/best.pt', 'fast')
layers = tuple(sys.argv[4].split(',')) if len(sys.argv) > 4 else ('conv_2', 'block_1.c5', 'block_1.esa.conv4', 'block_6.esa.conv4')
four = len(sys.argv) <= 4
fast = load_model(base)   # git show 0ad7974:srfaces/weights/fast.pt > runs/fast_int8_io.pt
sel = PairedFaces('data/real', 'select', cache=True)

def floated(model, paths):
    "A copy of `model` with the quantized convolutions at `paths` in float32 too (`fakequant.match_keep_float`)."
    m = copy.deepcopy(model)
    return match_keep_float(m, float_convs(m) + [p for p in quantized_convs(m) if p in paths])

floats = [p.removesuffix('.0') for p in float_convs(fast)]          # the base model's float32 convolutions
shipped = 'as shipped until 2026-12-06 (conv_1, upsampler float32)' if name == 'fast' else f"{base} ({', '.join(floats)} float32)"
variants = {shipped: (),
            **({'+ conv_2': ('conv_2',)} if 'conv_2' not in floats else {}),
            ('+ ' + ', '.join(layers) if len(layers) <= 4 else f'+ {len(layers)} convolutions: ' + ', '.join(layers)): layers}
models = {label: floated(fast, paths) for label, paths in variants.items()}
retrained = f"the same {'four ' if four else ''}float32, retrained ({trained})"
models[retrained] = load_model(trained)
if name != 'fast': models['the shipped `fast` (for scale)'] = load_model('fast')
psnr = {label: validate(m, sel)['psnr'] for label, m in models.items()}
lr = np.asarray(Image.fromarray(astronaut()[64:320, 96:352]).resize((128, 128), Image.BICUBIC))
funcs = {}
for row, m in models.items():
    onnx = int8_model(m, threads=2); x = torch.from_numpy(model_inputs(m, [lr])[0])
    funcs[row] = lambda _, onnx=onnx, x=x: onnx(x)
vdsr = load_public_vdsr('../shared/data/reference').eval(); xv = torch.from_numpy(model_inputs(vdsr, [lr])[0])
def run_vdsr(_):
    with torch.inference_mode(): return vdsr(xv)
funcs['public VDSR (PyTorch)'] = run_vdsr
ms = latency_rounds(funcs, lr, rounds=7, calls=5)
share = round_shares(ms, 'public VDSR (PyTorch)'); own = round_shares(ms, shipped)
print(f'| int8 graph of `{name}`, float32 convolutions | select PSNR (dB) | time / {"as shipped" if name == "fast" else "first row"} | time / public VDSR |\n|---|---|---|---|')
for row in models:
    print(f'| {row} | {psnr[row]:.3f} | {own[row]:.3f} | {share[row]:.3f} |')
