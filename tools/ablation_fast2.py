"""Equal-budget ablation behind FastFace2's design (recorded in nbs/04_train.ipynb).
Each variant: the same 400 steps x 16 crops of 48x48 LR (6,400 crops) from data/faces_all/train (217 faces),
Adam with a one-cycle learning rate peaking at 2e-3, seed 0, one CPU thread; scored on data/faces_all/valid
(faces256/valid, 53 faces) with srfaces' validate (PSNR/SSIM on the final 8-bit RGB, BT.601 Y, shave 2).
Usage: python tools/ablation_fast2.py VARIANT [STEPS] [THREADS] [DATA]
  VARIANT: plain12x48 | res48x5 | res48x6 | res48x5-l1      DATA: data/faces_all (made by tools/prepare_faces.sh);
  data/faces63 (train = faces1024's 63 training faces, valid = faces256/valid) gives the data-scaling comparison."""
import sys, time
import torch, torch.nn.functional as F
from srfaces.models import FastFace, FastFace2
from srfaces.dataset import PairedFaces
from srfaces.train import validate

variant = sys.argv[1]
steps, threads = int(sys.argv[2]) if len(sys.argv) > 2 else 400, int(sys.argv[3]) if len(sys.argv) > 3 else 1
data = sys.argv[4] if len(sys.argv) > 4 else 'data/faces_all'
torch.set_num_threads(threads); torch.manual_seed(0)
model = {'plain12x48': lambda: FastFace(layers=12), 'res48x5': lambda: FastFace2(blocks=5),
         'res48x6': lambda: FastFace2(blocks=6), 'res48x5-l1': lambda: FastFace2(blocks=5)}[variant]()
loss_fn = F.l1_loss if variant.endswith('-l1') else F.mse_loss
train_ds = PairedFaces(data, 'train', lr_crop=48, augment=True, cache=True)
valid_ds = PairedFaces(data, 'valid', cache=True)
loader = torch.utils.data.DataLoader(train_ds, 16, shuffle=True, drop_last=True)
optimizer = torch.optim.Adam(model.parameters(), 1e-3)
schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, 2e-3, total_steps=steps, pct_start=0.05)
step, start = 0, time.time()
while step < steps:
    for x, y in loader:
        loss = loss_fn(model(x), y); optimizer.zero_grad(); loss.backward(); optimizer.step(); schedule.step(); step += 1
        if step >= steps: break
print(variant, steps, data, validate(model, valid_ds), f"{time.time() - start:.0f}s")
