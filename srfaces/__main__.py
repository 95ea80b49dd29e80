"`python -m srfaces`: the command-line tools srfaces installs, each with `--help`."
from srfaces.cli import COMMANDS, summary

def main():
    print("srfaces: 2x super-resolution of face photos. Commands (each takes --help):\n")
    for name, func in COMMANDS.items(): print(f"  {name:18} {summary(func)}")
    print("\nIn Python: from srfaces import upscale, load_model")

if __name__ == '__main__': main()
