#!/usr/bin/env python3
"""Checks the layers Package.swift declares: every `import` of a Yearbook target in a
target's sources is one of its declared dependencies, and a library layer depends only on
layers listed before it in `layers`. SwiftPM may still compile an undeclared import when
the module happens to be built already; this makes such a use against the flow an error.

    python3 scripts/check-layers.py

Python 3.11 standard library only. Exits 1 with one line per problem.
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def declared_targets(package: str) -> dict[str, set[str]]:
    """Target name → the names its `dependencies` mention (targets and products)."""
    every_layer = set(layers(package))
    targets: dict[str, set[str]] = {}
    chunks = re.split(r"\.(?:target|executableTarget|testTarget|systemLibrary)\(", package)[1:]
    for chunk in chunks:
        name = re.search(r'name: "([^"]+)"', chunk).group(1)
        dependencies = re.search(r"dependencies: (.*?)(?:\n\s*\),?\n|\)\s*,\s*$|\),\n)", chunk, re.S)
        text = dependencies.group(1) if dependencies else ""
        names = set(re.findall(r'"([A-Za-z][\w-]*)"', text))
        if "everyLayer" in text:
            names |= every_layer
        targets[name] = names - {name}
    return targets


def layers(package: str) -> list[str]:
    block = re.search(r"let layers = \[(.*?)\]", package, re.S)
    return re.findall(r'"(\w+)"', block.group(1)) if block else []


def imports(folder: Path) -> dict[str, set[str]]:
    """Module name → the files of `folder` importing it."""
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.swift"):
        for module in re.findall(r"^(?:@testable )?import (\w+)", path.read_text(encoding="utf-8"), re.M):
            found.setdefault(module, set()).add(str(path.relative_to(ROOT)))
    return found


def main() -> int:
    package = (ROOT / "Package.swift").read_text(encoding="utf-8")
    order = layers(package)
    targets = declared_targets(package)
    problems = []
    for index, layer in enumerate(order):
        later = set(order[index:]) & targets.get(layer, set())
        for other in sorted(later):
            problems.append(f"Package.swift: {layer} depends on {other}, which is not below it in `layers`")
    for name, dependencies in sorted(targets.items()):
        folder = ROOT / "Sources" / name
        if not folder.is_dir():
            folder = ROOT / "Tests" / name
        if not folder.is_dir():
            continue
        for module, files in sorted(imports(folder).items()):
            if module.startswith("Yearbook") and module != name and module not in dependencies:
                problems.append(f"{sorted(files)[0]}: {name} imports {module}, which Package.swift does not give it")
    for problem in problems:
        print(problem)
    print(f"layers: {len(order)} library layers, {len(targets)} targets checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
