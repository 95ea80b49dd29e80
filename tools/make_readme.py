"""Write README.md from nbs/index.ipynb, the docs home page, without Quarto (which `nbdev_readme` needs).

The README is the notebook as the docs show it: its Markdown cells, and for code cells the outputs (images saved to
readme_files/, Markdown as is, text as a code block) and the code unless the cell is `#| echo: false`; `#| hide` cells
are left out. Links to the docs pages (`core.html`) point to their notebooks instead.

    python tools/make_readme.py            # write README.md and readme_files/
    python tools/make_readme.py --check    # exit 1, naming the file, if README.md or an image differs from the notebook
"""
import base64, json, re, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGE_TYPES = {'image/jpeg': 'jpg', 'image/png': 'png'}

def directives(source: str) -> set:
    return {m.group(1).strip() for m in re.finditer(r'^#\|\s*(.+)$', source, re.M)}

def page_links(markdown: str) -> str:
    "Links to the docs pages (`core.html`, `models/fast.ipynb`) become links to their notebooks (`nbs/00_core.ipynb`, `nbs/models/fast.ipynb`)."
    def notebook(m):
        found = sorted((ROOT / 'nbs').glob(f'*_{m.group(2)}.ipynb'))
        return f"]({found[0].relative_to(ROOT).as_posix()})" if found else m.group(0)
    markdown = re.sub(r'\]\((\./)?([\w-]+)\.html\)', notebook, markdown)
    return re.sub(r'\]\((\./)?(?!nbs/)([\w/-]+\.ipynb)\)', lambda m: f"](nbs/{m.group(2)})", markdown)   # pages that are notebooks: results, models/*

def readme(nb_path: Path):
    "The README's text and its images {relative path: bytes}."
    nb, parts, images = json.loads(nb_path.read_text()), [], {}
    for i, cell in enumerate(nb['cells']):
        source = ''.join(cell['source'])
        flags = directives(source)
        if 'hide' in flags: continue
        if cell['cell_type'] == 'markdown': parts.append(page_links(source)); continue
        if 'echo: false' not in flags:
            parts.append('```python\n' + '\n'.join(l for l in source.splitlines() if not l.startswith('#|')) + '\n```')
        for k, out in enumerate(cell.get('outputs', [])):
            data = out.get('data', {})
            kind = next((t for t in IMAGE_TYPES if t in data), None)
            if kind:
                name = f'readme_files/index_{i}_{k}.{IMAGE_TYPES[kind]}'
                images[name] = base64.b64decode(''.join(data[kind]))
                parts.append(f'![]({name})')
            elif 'text/markdown' in data: parts.append(page_links(''.join(data['text/markdown'])))
            elif out.get('output_type') == 'stream': parts.append('```\n' + ''.join(out['text']).rstrip() + '\n```')
            elif 'text/plain' in data: parts.append('```\n' + ''.join(data['text/plain']).rstrip() + '\n```')
    return '\n\n'.join(p.strip('\n') for p in parts) + '\n', images

def main(check: bool) -> int:
    text, images = readme(ROOT / 'nbs' / 'index.ipynb')
    wanted = {'README.md': text.encode(), **images}
    if check:
        old = {p.relative_to(ROOT).as_posix() for p in (ROOT / 'readme_files').glob('*')}
        stale = [n for n, b in wanted.items() if not (ROOT / n).is_file() or (ROOT / n).read_bytes() != b] + sorted(old - set(images))
        for name in stale: print(f"{name}: differs from nbs/index.ipynb; run python tools/make_readme.py", file=sys.stderr)
        return 1 if stale else 0
    (ROOT / 'readme_files').mkdir(exist_ok=True)
    for p in (ROOT / 'readme_files').glob('*'):
        if p.name not in {Path(n).name for n in images}: p.unlink()
    for name, data in wanted.items(): (ROOT / name).write_bytes(data)
    print(f"README.md and {len(images)} image(s) written from nbs/index.ipynb")
    return 0

if __name__ == '__main__': sys.exit(main('--check' in sys.argv[1:]))
