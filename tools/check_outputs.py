"""Check that the numbers a page shows are what its results files give today.

The results page, the model cards and the home page (hence the README) show tables computed from `results/*.csv`;
the docs render the outputs saved in the notebooks. This reruns each notebook in memory (cells marked `eval: false`
aside: they draw pictures from `../shared/data`) and compares every Markdown output with the saved one, so a results
file rerun without re-saving the pages -- or a table typed into a saved output -- fails CI, naming the notebook.

    python tools/check_outputs.py nbs/results.ipynb nbs/index.ipynb nbs/models/*.ipynb
    python tools/run_notebooks.py ...      # the fix: rerun and save them, then nbdev_clean and make_readme
"""
import os, re, sys
from pathlib import Path
from execnb.nbio import read_nb
from execnb.shell import CaptureShell


def markdown_outputs(cells) -> list[str]:
    return [''.join(o['data']['text/markdown']) for c in cells for o in c.get('outputs', [])
            if 'text/markdown' in o.get('data', {})]


def skip_eval_false(cell):
    if re.search(r'^#\|\s*eval:\s*false', cell.source, re.M): cell.cell_type = 'raw'       # what nbdev_test skips


def stale(path: Path) -> list[str]:
    "How the Markdown outputs of notebook `path`, run now, differ from the saved ones (empty when they agree)."
    saved = read_nb(path)
    keep = {id(c) for c in saved.cells if re.search(r'^#\|\s*eval:\s*false', c.source, re.M)}
    before = markdown_outputs([c for c in saved.cells if id(c) not in keep])
    fresh = read_nb(path)
    here = Path.cwd(); os.chdir(path.parent)
    try: CaptureShell().run_all(fresh, exc_stop=True, preproc=skip_eval_false)
    finally: os.chdir(here)
    after = markdown_outputs([c for c in fresh.cells if c.cell_type == 'code'])
    if len(before) != len(after): return [f"{path}: {len(before)} saved Markdown outputs, {len(after)} when run now"]
    return [f"{path}: Markdown output {i + 1} differs from a run now: saved {first_difference(b, a)}"
            for i, (b, a) in enumerate(zip(before, after)) if b.strip() != a.strip()]


def first_difference(saved: str, now: str) -> str:
    for old, new in zip(saved.strip().splitlines(), now.strip().splitlines()):
        if old != new: return f"{old[:100]!r}, now {new[:100]!r}"
    return "a different number of lines"


if __name__ == '__main__':
    problems = [p for a in sys.argv[1:] for p in stale(Path(a).resolve())]
    for p in problems: print(p, file=sys.stderr)
    if problems: print("rerun and save them: python tools/run_notebooks.py NOTEBOOKS; nbdev_clean; python tools/make_readme.py", file=sys.stderr)
    else: print(f"{len(sys.argv) - 1} notebooks: their saved tables are what the results files give")
    sys.exit(1 if problems else 0)
