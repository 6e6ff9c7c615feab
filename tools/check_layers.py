#!/usr/bin/env python3
"""Fails when an #include in lib/ or include/ runs up a layer.

Each folder of lib/ is a layer, and each public header of include/policylint/
belongs to one (the one that implements it). A file may include headers of
its own layer and of the layers LAYERS lets it see, which are all below it.
Usage: check_layers.py [REPO_ROOT]   (exit 1 and one line per offence)
"""
import pathlib
import re
import sys

# The layers from the ground up, each with the layers below it that it may
# include. "api" is the public vocabulary (policy model, findings, rule info,
# options, catalog look-ups) every layer may use.
LAYERS = {
    "api": [],
    "text": ["api"],
    "hcl": ["api", "text"],
    "document": ["api", "text", "hcl"],
    "catalog": ["api", "text"],
    "hygiene": ["api", "text"],
    "options": ["api", "text"],
    "config": ["api", "text", "document", "options"],
    "analysis": ["api", "text", "document", "catalog"],
    "rules": ["api", "text", "document", "catalog", "hygiene", "analysis"],
    "engine": ["api", "text", "document", "catalog", "hygiene", "options", "config", "analysis", "rules"],
    "report": ["api", "text", "document", "hygiene", "engine"],
    "capi": ["api", "text", "document", "catalog", "hygiene", "options", "config", "engine", "report"],
    "umbrella": ["api", "engine", "config", "report"],
}

# The layer of each public header; any other belongs to "api".
PUBLIC_HEADER_LAYERS = {
    "linter.hpp": "engine",
    "guardrails.hpp": "engine",
    "hygiene.hpp": "engine",
    "workspace.hpp": "engine",
    "linter_set.hpp": "engine",
    "config.hpp": "config",
    "report.hpp": "report",
    "baseline.hpp": "report",
    "policylint.hpp": "umbrella",
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def layer_of_header(name):
    """The layer of an included path, or None for a path that is no layer's."""
    parts = name.split("/")
    if name == "policylint.h":
        return "capi"
    if len(parts) == 2 and parts[0] == "policylint":
        return PUBLIC_HEADER_LAYERS.get(parts[1], "api")
    if len(parts) >= 2 and parts[0] in LAYERS:
        return parts[0]
    return None


def layer_of_file(root, path):
    relative = path.relative_to(root)
    if relative.parts[0] == "include":
        return layer_of_header("/".join(relative.parts[1:]))
    if relative.parts[0] == "lib" and len(relative.parts) >= 3:
        return relative.parts[1] if relative.parts[1] in LAYERS else None
    return None


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent)
    offences = []
    files = [p for d in ("lib", "include") for p in sorted((root / d).rglob("*"))
             if p.suffix in (".hpp", ".cpp", ".h", ".inc")]
    for path in files:
        layer = layer_of_file(root, path)
        if layer is None:
            if path.parent.name != "generated":
                offences.append(f"{path.relative_to(root)}: in no layer; add its folder to tools/check_layers.py")
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in INCLUDE.finditer(text):
            target = layer_of_header(match.group(1))
            if target is None or target == layer or target in LAYERS[layer]:
                continue
            line = text.count("\n", 0, match.start()) + 1
            offences.append(f"{path.relative_to(root)}:{line}: layer '{layer}' includes \"{match.group(1)}\""
                            f" of layer '{target}', which it may not see")
    for offence in offences:
        print(offence)
    if offences:
        print(f"{len(offences)} include(s) run up a layer; see the table in tools/check_layers.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
