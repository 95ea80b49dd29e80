"`python -m srfaces`: the command-line tools srfaces installs; `python -m srfaces COMMAND [ARGS]` runs one."
import sys
from srfaces.cli import COMMANDS, summary

def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ('-h', '--help'):
        print("srfaces: 2x super-resolution of face photos. Commands (each takes --help; run one with python -m srfaces COMMAND ...):\n")
        for name, func in COMMANDS.items(): print(f"  {name:18} {summary(func)}")
        print("\nIn Python: from srfaces import upscale, load_model")
        return
    name = argv[0] if argv[0] in COMMANDS else f"srfaces_{argv[0]}"
    if name not in COMMANDS:
        print(f"python -m srfaces: unknown command {argv[0]!r}; commands: {', '.join(COMMANDS)}", file=sys.stderr); sys.exit(2)
    sys.argv = [name, *argv[1:]]                   # as if run as NAME: what a command records of its own command line
    COMMANDS[name].main(argv[1:], prog=f"python -m srfaces {argv[0]}")

if __name__ == '__main__': main()
