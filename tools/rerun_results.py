"""Rerun the srfaces_evaluate command recorded beside each results file (results/NAME.json), replacing its files.

    python tools/rerun_results.py results/valid_photos.json results/set5.json ...   # from the repository root
"""
import json, shlex, subprocess, sys
from pathlib import Path

def rerun(record:Path) -> int:
    command = json.loads(record.read_text())['command']
    args = shlex.split(command)
    if args[0] != 'srfaces_evaluate': raise SystemExit(f"{record}: not an srfaces_evaluate command: {command}")
    if '--overwrite' not in args: args.append('--overwrite')
    print(f"$ {shlex.join(args)}", flush=True)
    return subprocess.run(args).returncode

if __name__ == '__main__':
    if len(sys.argv) < 2: raise SystemExit(__doc__)
    failed = [r for r in sys.argv[1:] if rerun(Path(r)) != 0]
    if failed: raise SystemExit(f"failed: {', '.join(failed)}")
