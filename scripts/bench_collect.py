#!/usr/bin/env python3
"""`make bench`'s collector: passes the benchmarks' output through, picks up each figure
they print as a line `bench: {"name": ..., "value": ..., "unit": ..., "aim": ...}`, writes
them to a JSON file (a list of those objects; lower is better, the aim in the same unit or
null) and ends with a table of every figure beside its aim.

Usage: (benchmarks) | scripts/bench_collect.py target/bench.json
"""
import json
import sys

PREFIX = "bench: "


def main() -> int:
    out = sys.argv[1] if len(sys.argv) > 1 else "target/bench.json"
    figures = []
    for line in sys.stdin:
        if line.startswith(PREFIX):
            figure = json.loads(line[len(PREFIX):])
            missing = {"name", "value", "unit"} - figure.keys()
            if missing:
                print(f"bench_collect: a figure lacks {sorted(missing)}: {line.strip()}", file=sys.stderr)
                return 1
            figure.setdefault("aim", None)
            figures.append(figure)
        else:
            sys.stdout.write(line)
            sys.stdout.flush()
    with open(out, "w", encoding="utf-8") as f:
        json.dump(figures, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"\n{len(figures)} figures (lower is better), written to {out}")
    width = max((len(f["name"]) for f in figures), default=10)
    for f in figures:
        aim = f["aim"]
        verdict = "" if aim is None else ("  within aim" if f["value"] <= aim else "  OVER AIM")
        aim_text = "—" if aim is None else f"{aim:g} {f['unit']}"
        print(f"  {f['name']:<{width}}  {f['value']:>10.2f} {f['unit']:<3}  aim {aim_text:<12}{verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
