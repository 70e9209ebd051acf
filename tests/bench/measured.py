#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# tests/bench/measured.py - every figure bench/report prints comes from the
# result file it is given.
#
#   measured.py REPORT RESULT.json
#
# Renders RESULT.json, then a copy in which every number (and every digit
# of every string) is changed, and compares the two reports line by line:
# a number that stays the same in a line that otherwise matches was not
# taken from the data, i.e. it is a figure written into bench/report.
# Allowed: the target thresholds, in the first column of the
# targets table, the number in that section's title, the
# scenarios' numbers in theirs, and code spans (`bench/run -s 1`: commands
# and names, not figures).
# Exit 0, or 1 with the literal figures found.
import json
import math
import re
import subprocess
import sys

NUM = re.compile(r"(?<![\w.\-/])\d+(?:\.\d+)?(?![\w])")
DIGITS = re.compile(r"\d+(?:\.\d+)?")
CODE = re.compile(r"`[^`]*`")


def perturb(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, int):
        return v * 3 + 1234
    if isinstance(v, float):
        # not affine: a ratio of two figures changes too
        return math.copysign(abs(v) ** 1.1 * 1.3 + 0.05, v)
    if isinstance(v, str):
        return re.sub(r"\d", lambda m: str((int(m.group(0)) + 3) % 10), v)
    if isinstance(v, list):
        return [perturb(x) for x in v]
    if isinstance(v, dict):
        return {k: perturb(x) for k, x in v.items()}
    return v


def render(report, data, path):
    with open(path, "w") as f:
        json.dump(data, f)
    return subprocess.run([sys.executable, report, path], check=True,
                          capture_output=True, text=True).stdout.splitlines()


def allowed(line, token, in_targets):
    if line.startswith("## Targets (issue ") and token == line.split("issue ")[1].rstrip(")"):
        return True
    if re.match(r"^## Scenario \d+:", line) and token == line.split()[2].rstrip(":"):
        return True
    if in_targets and line.startswith("| "):
        return token in line.split(" | ")[0]
    return False


def main():
    report, result = sys.argv[1], sys.argv[2]
    data = json.load(open(result))
    a = render(report, data, result + ".a.json")
    b = render(report, perturb(data), result + ".b.json")
    bad = []
    skel_b = {}
    compared = with_nums = 0
    a = [CODE.sub("`code`", line) for line in a]
    b = [CODE.sub("`code`", line) for line in b]
    for line in b:
        skel_b.setdefault(DIGITS.sub("#", line), []).append(line)
    in_targets = False
    for line in a:
        if line.startswith("## "):
            in_targets = line.startswith("## Targets")
        nums = NUM.findall(line)
        if not nums:
            continue
        with_nums += 1
        for other in skel_b.get(DIGITS.sub("#", line), []):
            compared += 1
            same = [x for x, y in zip(nums, NUM.findall(other)) if x == y]
            lit = [x for x in same if not allowed(line, x, in_targets)]
            if lit:
                bad.append("%s  <- %s" % (line[:160], ", ".join(lit)))
            break
        else:
            continue
    if len(a) < 20:
        bad.append("the report has only %d lines" % len(a))
    # lines whose shape changed with the data (a unit, a branch) are not
    # compared; most must be
    if compared < with_nums * 0.8:
        bad.append("only %d of %d lines with figures could be compared" % (compared, with_nums))
    for x in bad:
        print(x)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
