"""Train one srfaces model on a GPU within a fixed wall-clock budget, with every face held in GPU memory.

The faces are decoded once (through `PairedFaces`, the project's colour conversion), stacked on the device, and each
batch is cut from them on the GPU: random aligned LR/HR crops and one of the 8 symmetries of the square per sample.
With `--precision bf16` the network body runs in bfloat16 autocast (the bicubic skip, the sum and the loss stay in
float32); the default is float32, which scored better in the first GPU run (04_train). The learning
rate follows a cosine over whichever runs out first, `--steps` or `--seconds`, so a run always ends annealed and on
time; the steps actually taken are recorded for a rerun with `--steps N --seconds 0`.

Every `--save_every` seconds and at the end, OUT is rewritten atomically: a standard srfaces checkpoint
(`load_model(OUT)` works) whose `meta['history']` holds the log. At the end the model is validated on every
`--valid` folder (PSNR/SSIM through the same `upscale_rgb` users call). A non-finite loss restores the last good
weights and halves the learning rate (counted in the log) rather than ending the run.

    python tools/gpu_train.py --train D1 D2 --valid select=S valid=V --arch fast2 --channels 48 --blocks 5 \
        --seconds 400 --out OUT/fast2.pt
CPU check (tiny): python tools/gpu_train.py --train data/faces_all/train --valid v=data/f256valid --device cpu \
        --seconds 20 --bs 8 --lr_crop 24 --out /tmp/gt.pt
"""
from __future__ import annotations
import argparse, copy, math, time
from pathlib import Path
import torch
import torch.nn.functional as F
from srfaces.dataset import PairedFaces
from srfaces.models import build_model, checkpoint_dict, save_checkpoint, FastFace2, VDSR
from srfaces.train import validate


def load_stack(folders, device):
    "All LR/HR pairs of `folders` (each with hr/ and lr/) as model-unit Y tensors (N,1,h,w), (N,1,2h,2w) on `device`."
    lrs, hrs, stems = [], [], []
    for folder in folders:
        ds = PairedFaces(folder, colour='y')
        for i in range(len(ds.pairs)):
            lr, hr = ds.load_pair(i)
            lrs.append(ds.to_model(lr)); hrs.append(ds.to_model(hr)); stems.append(ds.stems[i])
    shapes = {tuple(x.shape) for x in lrs}
    if len(shapes) != 1: raise SystemExit(f"gpu_train: all training faces must have one size, found {sorted(shapes)}")
    if len(set(stems)) != len(stems): raise SystemExit("gpu_train: the same face name occurs twice in --train")
    return torch.stack(lrs).to(device), torch.stack(hrs).to(device), stems


def random_batch(lr, hr, bs, crop, scale, generator):
    "`bs` aligned random crops (LR `crop`, HR `crop*scale`), each flipped/transposed at random, cut on lr's device."
    n, _, h, w = lr.shape
    dev = lr.device
    idx = torch.randint(0, n, (bs,), generator=generator, device=dev)
    top = torch.randint(0, h - crop + 1, (bs,), generator=generator, device=dev)
    left = torch.randint(0, w - crop + 1, (bs,), generator=generator, device=dev)
    ar, arh = torch.arange(crop, device=dev), torch.arange(crop * scale, device=dev)
    rows, cols = (top[:, None] + ar)[:, :, None], (left[:, None] + ar)[:, None, :]
    x = lr[idx[:, None, None], 0, rows, cols][:, None]
    rows, cols = (top[:, None] * scale + arh)[:, :, None], (left[:, None] * scale + arh)[:, None, :]
    y = hr[idx[:, None, None], 0, rows, cols][:, None]
    flips = torch.randint(0, 2, (3, bs, 1, 1, 1), generator=generator, device=dev).bool()
    x, y = torch.where(flips[0], x.flip(-1), x), torch.where(flips[0], y.flip(-1), y)
    x, y = torch.where(flips[1], x.flip(-2), x), torch.where(flips[1], y.flip(-2), y)
    x, y = torch.where(flips[2], x.transpose(-1, -2), x), torch.where(flips[2], y.transpose(-1, -2), y)
    return x.contiguous(memory_format=torch.channels_last), y


def forward_mixed(model, x, amp):
    "The model's forward with the learned part in bf16 autocast and the bicubic skip + sum in float32."
    with torch.autocast(x.device.type, dtype=torch.bfloat16, enabled=amp):
        if isinstance(model, FastFace2):
            res = model.shuffle(model.last(F.relu(model.blocks(model.head(x)))))
        elif isinstance(model, VDSR):
            up = model.upsample(x.float()).contiguous(memory_format=torch.channels_last)
            res = model.body(up)
        else: raise SystemExit(f"gpu_train: no mixed-precision forward for {type(model).__name__}")
    base = model.upsample(x.float()) if isinstance(model, FastFace2) else up
    return base + res.float()


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--train', nargs='+', required=True, help="folders with hr/ and lr/ (all used for training)")
    p.add_argument('--valid', nargs='*', default=[], help="NAME=FOLDER pairs validated at the end (and logged)")
    p.add_argument('--arch', default='fast2'); p.add_argument('--channels', type=int); p.add_argument('--blocks', type=int)
    p.add_argument('--depth', type=int)
    p.add_argument('--seconds', type=float, default=400, help="wall-clock training budget (0: none)")
    p.add_argument('--steps', type=int, default=10**9, help="step budget (the cosine spans the first budget reached)")
    p.add_argument('--bs', type=int, default=32); p.add_argument('--lr_crop', type=int, default=64)
    p.add_argument('--lr', type=float, default=1e-3); p.add_argument('--min_lr', type=float, default=1e-5)
    p.add_argument('--warmup', type=float, default=0.02, help="fraction of the budget with a linear warm-up")
    p.add_argument('--clip', type=float, default=0., help="gradient-norm clip, 0 = off")
    p.add_argument('--seed', type=int, default=0); p.add_argument('--device', default='cuda')
    p.add_argument('--threads', type=int, default=4)
    p.add_argument('--precision', default='fp32', choices=['fp32', 'bf16'], help="fp32: float32 throughout (TF32 convs); bf16: body in bf16 autocast "
                   "(faster, but cost ~0.1 dB in the first GPU run: 04_train)")
    p.add_argument('--save_every', type=float, default=60.); p.add_argument('--out', required=True)
    a = p.parse_args(argv)
    if a.seconds <= 0 and a.steps >= 10**9: raise SystemExit("gpu_train: give --seconds or --steps")
    torch.set_num_threads(a.threads)
    dev = torch.device(a.device)
    if dev.type == 'cuda':
        if not torch.cuda.is_available(): raise SystemExit("gpu_train: --device cuda but this machine has no usable GPU")
        torch.backends.cudnn.benchmark = True
    amp = dev.type == 'cuda' and a.precision == 'bf16'
    name = Path(a.out).stem
    out = Path(a.out)
    if out.exists(): raise SystemExit(f"gpu_train: {out} exists; choose another --out")
    out.parent.mkdir(parents=True, exist_ok=True)
    valids = {}
    for spec in a.valid:
        if '=' not in spec: raise SystemExit(f"gpu_train: --valid wants NAME=FOLDER, got {spec!r}")
        k, v = spec.split('=', 1); valids[k] = PairedFaces(v, colour='y', cache=True)
    lr_all, hr_all, stems = load_stack(a.train, dev)
    log = lambda s: print(f"[{name}] {s}", flush=True)
    log(f"{len(stems)} training faces {tuple(lr_all.shape[-2:])} on {dev}; valid: {({k: len(v.pairs) for k, v in valids.items()})}")

    kw = {k: v for k, v in dict(channels=a.channels, blocks=a.blocks, depth=a.depth).items() if v is not None}
    torch.manual_seed(a.seed)
    model = build_model(a.arch, **kw).to(dev).to(memory_format=torch.channels_last)
    make_optimizer = lambda: torch.optim.Adam(model.parameters(), lr=a.lr, **(dict(fused=True) if dev.type == 'cuda' else {}))
    opt = make_optimizer()
    gen = torch.Generator(device=dev).manual_seed(a.seed)
    recipe = dict(trainer='tools/gpu_train.py', optimizer='adam', lr=a.lr, min_lr=a.min_lr, bs=a.bs, lr_crop=a.lr_crop,
                  schedule='cosine over min(steps, seconds)', warmup=a.warmup, clip=a.clip or None, augment=True,
                  loss='mse', amp='bf16 body, fp32 skip' if amp else None, seconds=a.seconds, seed=a.seed)
    history, good, restarts, lr_scale = [], copy.deepcopy(model.state_dict()), 0, 1.0
    samples, step, losses = 0, 0, []

    def save(final=False, extra=None):
        meta = dict(recipe, arch=a.arch, train=[str(t) for t in a.train], train_faces=len(stems), steps=step,
                    samples=samples, train_seconds=elapsed, device=str(torch.cuda.get_device_name(dev) if dev.type == 'cuda' else dev),
                    torch=str(torch.__version__), restarts=restarts, history=history, final=final, **(extra or {}))
        save_checkpoint(checkpoint_dict(model, meta), out)

    start = last_save = last_log = time.perf_counter(); elapsed = 0.
    while True:
        elapsed = time.perf_counter() - start
        frac = max(step / a.steps, elapsed / a.seconds if a.seconds > 0 else 0.)
        if frac >= 1: break
        lr_now = a.min_lr + (a.lr - a.min_lr) * 0.5 * (1 + math.cos(math.pi * frac))
        if frac < a.warmup: lr_now *= frac / a.warmup
        for g in opt.param_groups: g['lr'] = lr_now * lr_scale
        x, y = random_batch(lr_all, hr_all, a.bs, a.lr_crop, model.scale, gen)
        loss = F.mse_loss(forward_mixed(model, x, amp), y)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        if a.clip: torch.nn.utils.clip_grad_norm_(model.parameters(), a.clip)
        opt.step()
        step += 1; samples += a.bs; losses.append(loss.detach())
        now = time.perf_counter()
        if now - last_log >= 15 or now - last_save >= a.save_every:
            mean_loss = torch.stack(losses).mean().item(); losses = []
            if not math.isfinite(mean_loss) or not all(torch.isfinite(q).all() for q in model.parameters()):
                model.load_state_dict(good); opt = make_optimizer()
                restarts += 1; lr_scale *= 0.5
                log(f"step {step}: non-finite loss; restored the last good weights, learning rate x{lr_scale}")
                last_log = now; continue
            good = copy.deepcopy(model.state_dict())
            history.append(dict(step=step, samples=samples, seconds=round(now - start, 1), lr=lr_now * lr_scale, train_loss=mean_loss))
            log(f"step {step} ({samples / (now - start):.0f} samples/s): loss {mean_loss:.6f} lr {lr_now * lr_scale:.2e}")
            last_log = now
            if now - last_save >= a.save_every: elapsed = now - start; save(); last_save = now
    if dev.type == 'cuda': torch.cuda.synchronize()
    elapsed = time.perf_counter() - start
    if not all(torch.isfinite(q).all() for q in model.parameters()): model.load_state_dict(good)
    scores = {}
    model = model.to(memory_format=torch.contiguous_format)
    for k, v in valids.items():
        r = validate(model, v); scores[k] = dict(psnr=r['valid_psnr'], ssim=r['valid_ssim'])
        log(f"{k}: {r['valid_psnr']:.3f} dB / {r['valid_ssim']:.4f} ({len(v.pairs)} faces)")
    save(final=True, extra=dict(scores=scores))
    log(f"done: {step} steps, {samples} samples in {elapsed:.0f} s ({samples / elapsed:.0f} samples/s) -> {out}")


if __name__ == '__main__': main()
