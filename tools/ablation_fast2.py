"""Equal-budget ablation behind FastFace2's design (recorded in nbs/04_train.ipynb).
Each variant: the same 400 steps x 16 crops of 48x48 LR (6,400 crops) from data/faces_all/train (217 faces),
Adam with a one-cycle learning rate peaking at 2e-3, seed 0, one CPU thread; scored on data/faces_all/valid
(faces256/valid, 53 faces) with srfaces' validate (PSNR/SSIM on the final 8-bit RGB, BT.601 Y, shave 2).
Usage: python tools/ablation_fast2.py VARIANT [STEPS] [THREADS] [DATA] [PEAK_LR]
  VARIANT: plain12x48 | res48x5 | res48x6 | res48x5-l1 | unshuffle96x5 | unshuffle96x5-relu | unshuffle64x11 | ...
  (`speed` instead of a variant times the networks in ONNX Runtime, 2 threads, and trains nothing)
  DATA: data/faces_all (made by tools/prepare_faces.sh); data/faces63 (train = faces1024's 63 training faces,
  valid = faces256/valid) gives the data-scaling comparison.  PEAK_LR: the one-cycle peak (default 2e-3).
The unshuffle variants are the prototype `Unshuffled` below (fourth session): FastFace2's blocks on a half-size grid
(PixelUnshuffle(2), 4x the weights at the same FLOPs); `-relu` keeps FastFace2's ReLU before the last conv."""
import sys, time
import torch, torch.nn as nn, torch.nn.functional as F
from srfaces.models import FastFace, FastFace2, ResidualBlock, BicubicUpsample
from srfaces.dataset import PairedFaces
from srfaces.train import validate


class Unshuffled(nn.Module):
    "Space-to-depth by 2, head conv, residual blocks on the half-size grid, conv to 16 sub-pixels, PixelShuffle(4), bicubic skip."
    def __init__(self, channels=96, blocks=5, relu=False):
        super().__init__()
        self.scale, self.relu = 2, relu
        self.unshuffle, self.head = nn.PixelUnshuffle(2), nn.Conv2d(4, channels, 3, padding=1)
        self.blocks = nn.Sequential(*(ResidualBlock(channels) for _ in range(blocks)))
        self.last = nn.Conv2d(channels, 16, 3, padding=1)
        nn.init.normal_(self.last.weight, std=1e-4); nn.init.zeros_(self.last.bias)
        self.shuffle, self.upsample = nn.PixelShuffle(4), BicubicUpsample(2)

    def forward(self, x):
        h, w = x.shape[-2:]
        features = self.blocks(self.head(self.unshuffle(F.pad(x, (0, w % 2, 0, h % 2), mode='replicate'))))
        out = self.shuffle(self.last(F.relu(features) if self.relu else features))
        return out[..., :2 * h, :2 * w] + self.upsample(x)

MODELS = {'plain12x48': lambda: FastFace(layers=12), 'res48x5': lambda: FastFace2(blocks=5),
          'res48x6': lambda: FastFace2(blocks=6), 'res48x5-l1': lambda: FastFace2(blocks=5),
          'unshuffle96x5': lambda: Unshuffled(96, 5), 'unshuffle96x5-relu': lambda: Unshuffled(96, 5, relu=True),
          'unshuffle64x11': lambda: Unshuffled(64, 11), 'unshuffle128x3': lambda: Unshuffled(128, 3),
          'unshuffle80x7': lambda: Unshuffled(80, 7)}

def speed(names, rounds=7, calls=5):
    "Network-only ONNX Runtime ms per 128x128 LR face (2 threads), median over rounds that cycle through the variants."
    from srfaces.export import onnx_model
    torch.set_num_threads(2)
    models = {n: MODELS[n]().eval() for n in names}
    nets, x = {n: onnx_model(m) for n, m in models.items()}, torch.rand(1, 1, 128, 128) * 2 - 1
    ms = {n: [] for n in names}
    for _ in range(rounds):
        for n, net in nets.items():
            net(x); start = time.perf_counter()
            for _ in range(calls): net(x)
            ms[n].append((time.perf_counter() - start) / calls * 1000)
    for n in names: print(f"{n}: {sum(p.numel() for p in models[n].parameters())} weights, {sorted(ms[n])[rounds // 2]:.1f} ms")

variant = sys.argv[1]
if variant == 'speed': speed(['res48x5', 'unshuffle96x5', 'unshuffle64x11', 'unshuffle128x3', 'unshuffle80x7']); sys.exit()
steps, threads = int(sys.argv[2]) if len(sys.argv) > 2 else 400, int(sys.argv[3]) if len(sys.argv) > 3 else 1
data = sys.argv[4] if len(sys.argv) > 4 else 'data/faces_all'
peak = float(sys.argv[5]) if len(sys.argv) > 5 else 2e-3
torch.set_num_threads(threads); torch.manual_seed(0)
model = MODELS[variant]()
loss_fn = F.l1_loss if variant.endswith('-l1') else F.mse_loss
train_ds = PairedFaces(data, 'train', lr_crop=48, augment=True, cache=True)
valid_ds = PairedFaces(data, 'valid', cache=True)
loader = torch.utils.data.DataLoader(train_ds, 16, shuffle=True, drop_last=True)
optimizer = torch.optim.Adam(model.parameters(), 1e-3)
schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, peak, total_steps=steps, pct_start=0.05)
step, start = 0, time.time()
while step < steps:
    for x, y in loader:
        loss = loss_fn(model(x), y); optimizer.zero_grad(); loss.backward(); optimizer.step(); schedule.step(); step += 1
        if step >= steps: break
print(variant, steps, data, peak, validate(model, valid_ds), f"{time.time() - start:.0f}s")
