__version__ = "0.1.0"

# The everyday entry points, importable from the package (loaded on first use, so `import srfaces` stays light).
# (`evaluate` and `train` are also module names, so those functions stay in `srfaces.evaluate` and `srfaces.train`.)
_LAZY = {'upscale': 'restore', 'upscale_path': 'restore', 'load_model': 'checkpoint', 'evaluate_suite': 'evaluate',
         'prepare': 'data', 'parse_degradation': 'degrade'}

def __getattr__(name):
    if name in _LAZY:
        import importlib
        return getattr(importlib.import_module(f'{__name__}.{_LAZY[name]}'), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

def __dir__(): return sorted(list(globals()) + list(_LAZY))
