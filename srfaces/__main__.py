"`python -m srfaces`: the command-line tools srfaces installs, each with `--help`."
COMMANDS = [('srfaces_prepare', 'HR/LR training pairs from a folder of face photos (1024 -> 256 -> 128)'),
            ('srfaces_train', 'train a model on a prepared folder from a recipe; --resume continues a run'),
            ('srfaces_upscale', 'upscale an image or a folder 2x (--model fast, real, vdsr, seed or a checkpoint)'),
            ('srfaces_evaluate', 'PSNR/SSIM tables of methods and anchors; --degrade for JPEG/noisy/blurred inputs'),
            ('srfaces_export', 'export a model to ONNX, checked against PyTorch'),
            ('srfaces_demo', 'the whole pipeline on the built-in sample set, no downloads')]

def main():
    print("srfaces: 2x super-resolution of face photos. Commands (each takes --help):\n")
    for name, what in COMMANDS: print(f"  {name:18} {what}")
    print("\nIn Python: from srfaces import upscale, load_model")

if __name__ == '__main__': main()
