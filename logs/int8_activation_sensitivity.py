"""Which int8 roundings of a model trained for int8 cost the decibels: its weights' or its activations', and which
activation quantizers. PSNR on data/real's selection split (32 real press photos) of the fake-quantized PyTorch model
(what the int8 graph computes, to rare roundings) with one kind of rounding switched off at a time:
- float32: every quantized convolution float32 (the same weights, `fakequant.dequantized`);
- weights only: activations pass unrounded, weights rounded to their int8 per-channel values;
- activations only: weights unrounded, every activation rounded to its uint8 per-tensor grid;
- then each position's activation quantizers (say `c5.act_in`: the input of every block's c5) passed through, the rest
  as trained. A quantizer shared by two convolutions (one tensor, one scale) counts under both names.
Run from the repository root, 1 thread:
  python logs/int8_activation_sensitivity.py srfaces/weights/fast.pt "\`fast\` (shipped)" > logs/fast_int8_activations.md
  python logs/int8_activation_sensitivity.py runs/quality_keep_float_kd/best.pt "quality_keep_float_kd.toml (int8 \`quality\`, thirteen float32)" > logs/quality_int8_activations.md"""
import collections, contextlib, sys, torch
import srfaces.fakequant as fq
from srfaces.checkpoint import load_model
from srfaces.dataset import PairedFaces
from srfaces.train import validate
torch.set_num_threads(1)
path, name = sys.argv[1:3]
model = load_model(path)
sel = PairedFaces('data/real', 'select', cache=True)
quantize_acts = fq.ActQuant.forward

@contextlib.contextmanager
def passing(quantizers=None):
    "Within the block the activation `quantizers` (None: all of them) pass their input unrounded."
    chosen = None if quantizers is None else {id(q) for q in quantizers}
    fq.ActQuant.forward = lambda q, x: x if chosen is None or id(q) in chosen else quantize_acts(q, x)
    try: yield
    finally: fq.ActQuant.forward = quantize_acts

round_weights = fq.fake_weight
@contextlib.contextmanager
def unrounded_weights():
    "Within the block every quantized convolution uses its float32 weights (`QConv2d` reads `fakequant.fake_weight`)."
    fq.fake_weight = lambda w: w
    try: yield
    finally: fq.fake_weight = round_weights

psnr = lambda m: validate(m, sel)['psnr']
full, flt = psnr(model), psnr(fq.dequantized(model))                  # float32: the same weights, no rounding
with passing(), unrounded_weights(): unrounded = psnr(model)
assert abs(unrounded - flt) < 0.002, (unrounded, flt)    # nothing rounded: float32 but for the int32 bias rounding
with passing(None): w_only = psnr(model)
with unrounded_weights(): a_only = psnr(model)
print(f'# Weights or activations: where the int8 rounding of {name} costs\n\nSelection split of data/real (32 real press '
      f'photos), PSNR on luminance (dB).\n\n| rounded | PSNR | cost |\n|---|---|---|\n| nothing (float32) | {flt:.3f} | |\n'
      f'| weights only | {w_only:.3f} | {w_only - flt:+.3f} |\n| activations only | {a_only:.3f} | {a_only - flt:+.3f} |\n'
      f'| both (int8 as trained) | {full:.3f} | {full - flt:+.3f} |\n')
groups = collections.defaultdict(dict)
for p, conv in fq.quantized_convs(model).items():
    where = p.split('.', 1)[1] if p.startswith('block_') else p
    for w in ('act_in', 'act_out'): groups[f'{where}.{w}'][id(getattr(conv, w))] = getattr(conv, w)
print('## One position\'s activation quantizers unrounded, the rest as trained\n\n| quantizers | how many | PSNR | won back |\n|---|---|---|---|')
for g, qs in sorted(groups.items()):
    with passing(qs.values()): p = psnr(model)
    print(f'| {g} | {len(qs)} | {p:.3f} | {p - full:+.4f} |', flush=True)
