"""Run notebooks top to bottom and save them with their outputs, as the docs site shows them.

The docs render the outputs saved in each notebook (nbdev_docs executes nothing). Pages whose outputs are the
documentation -- the results page, the model cards, the home page, the tutorials -- are saved after a run with this
script (every cell runs, `eval: false` ones included: those need `../shared/data`), then cleaned and kept light:

    python tools/run_notebooks.py nbs/results.ipynb nbs/models/*.ipynb nbs/index.ipynb
    nbdev_clean && python tools/shrink_outputs.py nbs/results.ipynb ... && python tools/make_readme.py
"""
import os, sys
from pathlib import Path
from execnb.nbio import read_nb, write_nb
from execnb.shell import CaptureShell

def run(path: Path):
    "Execute notebook `path` in its own folder (as JupyterLab and nbdev_test do) and save it with its outputs."
    here = Path.cwd()
    nb = read_nb(path)
    os.chdir(path.parent)
    try:
        shell = CaptureShell()
        shell.run_all(nb, exc_stop=True)
    finally: os.chdir(here)
    write_nb(nb, path)

if __name__ == '__main__':
    for p in sys.argv[1:]:
        print(f"running {p}", flush=True); run(Path(p).resolve())
