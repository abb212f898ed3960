"""The extractor on the shared development set, scored by its own score.py, split in two parts.

The held-out part (articles 17–52 whose number ends in 3 or 8, as the devset README suggests)
is never inspected while the rules are developed: this report prints only its totals. The rest
is the tuning part; `--verbose` lists its misses and false positives, one article at a time.

    python benchmarks/devset_report.py [--verbose]

Prints precision and recall, lenient and strict (the fact must name the right film), per part,
per kind and per article style (the first word of sources.tsv's style column).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.generation.devset import DEVSET, KINDS, predictions, scorer

FIELDS = ("gold", "pred", "tp", "fp", "neutral")


def is_held_out(name: str) -> bool:
    number = int(name[:2])
    return 17 <= number <= 52 and number % 10 in (3, 8)


def styles() -> dict[str, str]:
    with (DEVSET / "sources.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {row["file"]: row["style"].split(":")[0].split()[0].strip("'") for row in rows}


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def line(label: str, counts: dict[str, int]) -> str:
    p = ratio(counts["tp"], counts["tp"] + counts["fp"])
    r = ratio(counts["tp"], counts["gold"])
    tally = f"gold {counts['gold']}, tp {counts['tp']}, fp {counts['fp']}"
    return f"  {label:<22} P {p:.3f}  R {r:.3f}   ({tally})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", action="store_true", help="list the tuning part's errors")
    args = parser.parse_args()
    score = scorer()
    gold = score.load_gold(os.fspath(DEVSET / "gold.json"))
    style_of = styles()
    empty: list[str] = []
    hedge_misses = 0
    for strict in (False, True):
        tables: dict[str, dict[str, dict[str, int]]] = defaultdict(
            lambda: defaultdict(lambda: dict.fromkeys(FIELDS, 0))
        )
        for name, entry in sorted(gold.items()):
            part = "held-out" if is_held_out(name) else "tuning"
            facts = predictions((DEVSET / "articles" / name).read_text(encoding="utf-8"))
            if not facts and not strict:
                empty.append(name if part == "tuning" else "(a held-out article)")
            cleaned = score.clean_predictions(facts, set(KINDS))
            counts, detail = score.score_article(entry, cleaned, KINDS, strict)
            hedge_misses += len(detail["hedge_misses"]) if not strict else 0
            for kind in KINDS:
                for key in (f"{part}|kind {kind}", f"{part}|total", "all|total"):
                    for field in FIELDS:
                        tables[key.split("|")[0]][key.split("|")[1]][field] += counts[kind][field]
                bucket = tables[f"{part} styles"][style_of.get(name, "?")]
                for field in FIELDS:
                    bucket[field] += counts[kind][field]
            if args.verbose and part == "tuning" and strict:
                for label in ("fn", "fp"):
                    for item in detail[label]:
                        fact = item[0] if isinstance(item, tuple) else item
                        print(
                            f"{name} {label}: {fact.get('kind')} {fact.get('subject')!r} -> "
                            f"{fact.get('value')!r}"
                        )
        print("STRICT (the fact names the right film)" if strict else "LENIENT")
        for part in ("all", "tuning", "held-out", "tuning styles", "held-out styles"):
            print(f" {part}")
            for label, counts in sorted(tables[part].items()):
                print(line(label, counts))
    print(f"hedge misses (a hedged fact stated as certain): {hedge_misses}")
    print(f"articles yielding no fact: {len(empty)} {empty}")


if __name__ == "__main__":
    main()
