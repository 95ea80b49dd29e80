"""Per-layer sensitivity of RLFN-S to int8 (conv-only, min/max calibration on 16 training batches): PSNR on the selection split."""
import copy, torch
from torch import nn
from srfaces.anchors import load_reference_rlfn
from srfaces.fakequant import quantize_model, calibrate, QConv2d
from srfaces.dataset import PairedFaces
from srfaces.train import validate
torch.set_num_threads(1)
net = load_reference_rlfn('rlfn-s', '../shared/data/reference')
train = PairedFaces('data/real', 'train', colour='rgb', lr_crop=48, cache=True)
g = torch.Generator().manual_seed(0)
batches = [torch.stack([train[i][0] for i in torch.randint(len(train), (16,), generator=g).tolist()]) for _ in range(16)]
sel = PairedFaces('data/real', 'select', cache=True)
q = quantize_model(copy.deepcopy(net), 3); calibrate(q, batches)
def floated(model, pick):
    m = copy.deepcopy(model)
    for path, mod in list(m.named_modules()):
        if isinstance(mod, QConv2d) and pick(path):
            c = nn.Conv2d(mod.in_channels, mod.out_channels, mod.kernel_size, mod.stride, mod.padding, bias=mod.bias is not None)
            c.weight, c.bias = mod.weight, mod.bias
            parent, _, name = path.rpartition('.'); setattr(m.get_submodule(parent) if parent else m, name, c)
    return m
rows = [('float32 (public RLFN-S)', net), ('int8, every conv', q)]
rows += [('int8 but ESA convs float', floated(q, lambda p: '.esa.' in p)),
         ('int8 but conv_1 float', floated(q, lambda p: p == 'conv_1')),
         ('int8 but upsampler float', floated(q, lambda p: p.startswith('upsampler'))),
         ('int8 but conv_2 float', floated(q, lambda p: p == 'conv_2')),
         ('int8 but c5 (1x1) float', floated(q, lambda p: p.endswith('.c5'))),
         ('int8 only ESA', floated(q, lambda p: '.esa.' not in p))]
rows += [(f'int8 but block_{k} float', floated(q, lambda p, k=k: p.startswith(f'block_{k}.'))) for k in range(1, 7)]
base = None
print('| variant | select PSNR (dB) | vs float |\n|---|---|---|')
for name, m in rows:
    psnr = validate(m, sel)['psnr']; base = psnr if base is None else base
    print(f'| {name} | {psnr:.3f} | {psnr - base:+.3f} |', flush=True)
