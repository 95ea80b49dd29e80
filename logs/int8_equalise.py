"""Cross-layer range equalisation (Nagel et al. 2019, "Data-Free Quantization") of a model trained for int8, aimed at its
per-tensor uint8 activations: where a convolution's output channel uses little of its quantizer's range, scale that
channel up and the next convolution's input weights down by the same factor -- exact in float32 (LeakyReLU, max-pooling
and bilinear resizing commute with a positive per-channel scale), so only the rounding changes. Pairs inside each RLFN
block: c1_r -> c2_r, c2_r -> c3_r, esa.conv1 -> (esa.conv2, esa.conv_f), esa.conv2 -> esa.conv3,
(esa.conv3, esa.conv_f) -> esa.conv4. Each channel's scale is the largest that keeps its range (the extremes over 64
training faces of data/real, float32 pass) inside every quantizer it passes, at most 4; the learned scales stay.
PSNR on data/real's selection split (32 real press photos) before and after, no training. Run from the repository root:
  python logs/int8_equalise.py srfaces/weights/fast.pt runs/quality_keep_float_kd/best.pt > logs/int8_equalise.md"""
import sys, torch
from srfaces.checkpoint import load_model
from srfaces.fakequant import ActQuant
from srfaces.dataset import PairedFaces
from srfaces.train import validate
torch.set_num_threads(1)
MAX_SCALE = 4.
sel, train = PairedFaces('data/real', 'select', cache=True), PairedFaces('data/real', 'train', colour='rgb')

def pairs(model):
    "(producers, consumers, slope of the op between them on negative values) for every equalisable pair of every block."
    out = []
    for b in [n for n, _ in model.named_children() if n.startswith('block_')]:
        g = lambda n: model.get_submodule(f'{b}.{n}')
        out += [([g('c1_r')], [g('c2_r')], 0.05), ([g('c2_r')], [g('c3_r')], 0.05),
                ([g('esa.conv1')], [g('esa.conv2'), g('esa.conv_f')], 1.), ([g('esa.conv2')], [g('esa.conv3')], 1.),
                ([g('esa.conv3'), g('esa.conv_f')], [g('esa.conv4')], 1.)]
    return out

def channel_ranges(model, convs, faces=64):
    "{id(conv): (per-channel min, per-channel max)} of each conv's float32 output over the first `faces` training faces."
    seen = {}
    def note(conv, args, out):
        lo, hi = out.amin((0, 2, 3)), out.amax((0, 2, 3))
        old = seen.get(id(conv), (lo, hi)); seen[id(conv)] = (old[0].minimum(lo), old[1].maximum(hi))
    hooks = [c.register_forward_hook(note) for c in convs]
    quantizers = [q for q in model.modules() if isinstance(q, ActQuant)]
    for q in quantizers: q.calibrating = True                 # float32 convolutions and activations for this pass
    try:
        with torch.no_grad():
            for i in range(faces): model(train[i][0][None])
    finally:
        for q in quantizers: q.calibrating = False
        for h in hooks: h.remove()
    return seen

def grid(q):
    "The (lowest, highest) value an activation quantizer represents; None for a float32 layer's missing one."
    if not isinstance(q, ActQuant): return None
    s, z = q.params(); return -z * s, (255 - z) * s

def equalise(model):
    "Scale the channels of every pair in place; the median and largest scale."
    ps = pairs(model)
    ranges = channel_ranges(model, {id(c): c for p, _, _ in ps for c in p}.values())
    scales = []
    with torch.no_grad():
        for producers, consumers, slope in ps:
            lo = torch.stack([ranges[id(p)][0] for p in producers]).amin(0)
            hi = torch.stack([ranges[id(p)][1] for p in producers]).amax(0)
            s = torch.full_like(hi, MAX_SCALE)
            limits = [(grid(getattr(p, 'act_out', None)), 1.) for p in producers] + [(grid(getattr(c, 'act_in', None)), slope) for c in consumers]
            for g, k in limits:
                if g is None: continue
                s = torch.where(hi > 0, torch.minimum(s, g[1] / hi.clamp_min(1e-12)), s)
                s = torch.where(lo < 0, torch.minimum(s, g[0] / (k * lo).clamp_max(-1e-12)), s)
            s = s.clamp(1., MAX_SCALE)
            for p in producers: p.weight.mul_(s.view(-1, 1, 1, 1)); p.bias.mul_(s)
            for c in consumers: c.weight.div_(s.view(1, -1, 1, 1))
            scales.append(s)
    s = torch.cat(scales)
    return float(s.median()), float(s.max())

print('# Cross-layer range equalisation of int8 models, no training\n\nSelection split of data/real (32 real press photos), '
      'PSNR on luminance (dB), the fake-quantized model.\n\n| model | as trained | equalised | change | median scale | largest |\n|---|---|---|---|---|---|')
for path in sys.argv[1:]:
    model = load_model(path)
    before = validate(model, sel)['psnr']
    med, top = equalise(model)
    after = validate(model, sel)['psnr']
    print(f'| {path} | {before:.3f} | {after:.3f} | {after - before:+.3f} | {med:.2f} | {top:.2f} |', flush=True)
