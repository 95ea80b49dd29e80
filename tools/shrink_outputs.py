"""Keep the notebooks light: re-encode large image outputs (over 60 KB) as JPEG or palette PNG, whichever is smallest.

The docs site serves every notebook's outputs, and the repository carries them; a photo-like figure saved as PNG costs
5-10 times its JPEG. Figures larger than 900x900 pixels are scaled down first (they display at page width anyway).

    python tools/shrink_outputs.py nbs/03_models.ipynb ...    # rewrite those notebooks in place
    python tools/shrink_outputs.py --max_side 720 --quality 72 nbs/07_demo.ipynb   # harder, for a big figure
    python tools/shrink_outputs.py --check nbs                 # exit 1 naming each notebook over 500 KB, or nbs/ over 3.5 MB
"""
import base64, io, json, sys
from pathlib import Path
from PIL import Image

NOTEBOOK_LIMIT, FOLDER_LIMIT = 500_000, 3_500_000   # 3.5 MB: 40-odd pages, plots as JPEG

def smaller_encoding(kind: str, original: bytes, max_width: int = 900, max_height: int = 900, quality: int = 78) -> tuple[str, bytes]:
    "The (mime type, bytes) of the smallest of: the original image, a JPEG, a 256-colour PNG (for PNG originals)."
    im = Image.open(io.BytesIO(original)); im.load()
    if im.mode in ('RGBA', 'LA', 'P'):
        rgba = im.convert('RGBA'); im = Image.new('RGB', rgba.size, 'white'); im.paste(rgba, mask=rgba.getchannel('A'))
    else: im = im.convert('RGB')
    shrink = min(1, max_width / im.width, max_height / im.height)
    if shrink < 1: im = im.resize((round(im.width * shrink), round(im.height * shrink)), Image.Resampling.LANCZOS)
    jpeg, palette = io.BytesIO(), io.BytesIO()
    im.save(jpeg, 'JPEG', quality=quality, optimize=True)
    candidates = [(kind, original), ('image/jpeg', jpeg.getvalue())]
    if kind == 'image/png':
        im.quantize(256).save(palette, 'PNG', optimize=True); candidates.append(('image/png', palette.getvalue()))
    best = min(candidates, key=lambda c: len(c[1]))
    return best if len(best[1]) < 0.8 * len(original) else (kind, original)     # a re-encoding must be worth its loss

def shrink(path: Path, min_kb: int = 60, max_side: int = 900, quality: int = 78) -> int:
    "Re-encode the image outputs of notebook `path` over `min_kb`; returns the bytes saved."
    nb = json.loads(path.read_text()); saved = 0
    for cell in nb['cells']:
        for out in cell.get('outputs', []):
            data = out.get('data', {})
            old_kind = next((k for k in ('image/png', 'image/jpeg') if k in data), None)
            if old_kind is None or len(''.join(data[old_kind])) < min_kb * 1000: continue
            original = base64.b64decode(''.join(data[old_kind]))
            kind, body = smaller_encoding(old_kind, original, max_side, max_side, quality)
            if body is original: continue
            saved += len(original) - len(body)
            del data[old_kind]; data[kind] = base64.b64encode(body).decode() + '\n'
            out.get('metadata', {}).pop(old_kind, None)
    if saved:
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
    return saved

def check(folder: Path) -> list[str]:
    sizes = {p: p.stat().st_size for p in sorted(folder.rglob('*.ipynb')) if '.ipynb_checkpoints' not in p.parts}
    problems = [f"{p}: {s / 1e3:.0f} KB, over {NOTEBOOK_LIMIT / 1e3:.0f} KB (python tools/shrink_outputs.py {p})"
                for p, s in sizes.items() if s > NOTEBOOK_LIMIT]
    if sum(sizes.values()) > FOLDER_LIMIT: problems.append(f"{folder}: notebooks total {sum(sizes.values()) / 1e6:.1f} MB, over {FOLDER_LIMIT / 1e6:.1f} MB")
    return problems

if __name__ == '__main__':
    args = sys.argv[1:]
    if args[:1] == ['--check']:
        problems = [p for f in args[1:] for p in check(Path(f))]
        for p in problems: print(p, file=sys.stderr)
        sys.exit(1 if problems else 0)
    opts = dict(max_side=900, quality=78)
    while args and args[0] in ('--max_side', '--quality'): opts[args[0][2:]] = int(args[1]); args = args[2:]
    for a in args: print(f"{a}: {shrink(Path(a), **opts) / 1e3:.0f} KB saved")
