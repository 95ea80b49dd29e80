"""Which int8 convolutions of `fast` as shipped until 2026-12-06 (recipes/experiments/rlfn_s_int8_io.toml, trained for int8) cost the decibels: PSNR on data/real's selection
split (32 real press photos) with every convolution float32 except one, for each convolution in turn, and with every
convolution int8 except one group. Run from the repository root: python logs/fast_int8_sensitivity.py > logs/fast_int8_sensitivity.md
Another checkpoint trained for int8, and its name in the headings:
  python logs/fast_int8_sensitivity.py runs/quality_int8/best.pt "quality_int8.toml (\`quality\` trained for int8)" > logs/quality_int8_sensitivity.md"""
import copy, sys, torch
from srfaces.checkpoint import load_model
from srfaces.fakequant import quantized_convs, match_keep_float, float_convs
from srfaces.dataset import PairedFaces
from srfaces.train import validate
torch.set_num_threads(1)
path, name = (sys.argv[1:3] if len(sys.argv) > 2 else
              ('runs/fast_int8_io.pt', '`fast` (rlfn_s_int8_io.toml, shipped until 2026-12-06)'))   # git show 0ad7974:srfaces/weights/fast.pt > runs/fast_int8_io.pt
fast = load_model(path)
sel = PairedFaces('data/real', 'select', cache=True)

def floated(model, pick):
    "A copy of `model` with the quantized convolutions whose path `pick` accepts in float32 too (`fakequant.match_keep_float`)."
    m = copy.deepcopy(model)
    return match_keep_float(m, float_convs(m) + [p for p in quantized_convs(m) if pick(p)])

convs = list(quantized_convs(fast))
flt = validate(floated(fast, lambda p: True), sel)['psnr']
full = validate(fast, sel)['psnr']
print(f'# Per-convolution int8 cost of {name}\n\nSelection split of data/real (32 real press photos), PSNR on '
      f'luminance. float32 (same weights): {flt:.3f} dB; int8 as trained: {full:.3f} dB ({full - flt:+.3f}).\n')
print('## One convolution int8, the rest float32\n\n| convolution | PSNR (dB) | cost (dB) |\n|---|---|---|')
costs = {}
for p in convs:
    psnr = validate(floated(fast, lambda q, p=p: q != p), sel)['psnr']
    costs[p] = flt - psnr
    print(f'| {p} | {psnr:.3f} | {costs[p]:.3f} |', flush=True)
print(f'\nSum of the one-at-a-time costs: {sum(costs.values()):.3f} dB (all int8 together: {flt - full:.3f}).\n')
groups = {'c1_r, c2_r, c3_r (3x3 body)': lambda p: p.split('.')[-1] in ('c1_r', 'c2_r', 'c3_r'),
          'c5 (1x1)': lambda p: p.endswith('.c5'), 'ESA': lambda p: '.esa.' in p, 'conv_2': lambda p: p == 'conv_2'}
blocks = sorted({p.split('.')[0] for p in convs if p.startswith('block_')}, key=lambda b: int(b.split('_')[1]))
groups.update({b: (lambda p, b=b: p.startswith(b + '.')) for b in blocks})
groups['c5 and esa.conv4 (the block outputs)'] = lambda p: p.endswith('.c5') or p.endswith('.esa.conv4')
print('## Every convolution int8 except one group\n\n| float32 group | PSNR (dB) | won back (dB) |\n|---|---|---|')
for name, pick in groups.items():
    psnr = validate(floated(fast, pick), sel)['psnr']
    print(f'| {name} | {psnr:.3f} | {psnr - full:+.3f} |', flush=True)
