#!/usr/bin/env python3
"""Compares a new `make bench` run with an earlier one: prints each figure's ratio new /
old (above 1 is slower). A benchmark on a shared machine is noisy: this informs, it does
not fail. Usage: scripts/bench_compare.py docs/bench-baseline.json target/bench.json
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return {fig["name"]: fig for fig in json.load(f)}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    old, new = load(sys.argv[1]), load(sys.argv[2])
    width = max((len(n) for n in old.keys() | new.keys()), default=10)
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            print(f"  {name:<{width}}  gone from the new run")
        elif name not in old:
            print(f"  {name:<{width}}  new: {new[name]['value']:.2f} {new[name]['unit']}")
        else:
            a, b = old[name]["value"], new[name]["value"]
            ratio = f"{b / a:.2f}×" if a else "—"
            print(f"  {name:<{width}}  {a:>10.2f} → {b:>10.2f} {new[name]['unit']:<3}  {ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
