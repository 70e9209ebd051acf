#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# kinit.sh - kinitramfs's boot scenarios as a kselftest: boots each
# scenario (tests/boot/scenarios/NAME.scn) with tests/boot/run and prints
# KTAP, then kselftest's totals line and "N passed, N failed, N skipped".
#
#   kinit.sh [--all | NAME...]      (default: a few root-* scenarios)
#
# $KINIT_TESTS (names, space-separated) replaces the default, for
# kselftest's runner, which passes no arguments.  The kernel is
# $KINIT_BZIMAGE, default ./bzImage (what `make kernel` in this
# directory writes).  Exit status: 0 every scenario passed, 1 one
# failed, 4 (kselftest's skip) when there is no kernel or no QEMU.
set -u

here=$(cd "$(dirname "$0")" && pwd)
default=(root-ro root-rw root-uuid root-label)
[ -z "${KINIT_TESTS:-}" ] || read -ra default <<<"$KINIT_TESTS"
ksft_skip=4
export KINIT_BZIMAGE=${KINIT_BZIMAGE:-$here/bzImage}
export KINIT_TEST_OUT=${KINIT_TEST_OUT:-$here/out}

skip() {
	echo "KTAP version 1"
	echo "1..0 # SKIP $*"
	exit $ksft_skip
}

names=("$@")
case ${1:-} in
--all) mapfile -t names < <("$here/tests/boot/run" --list) ;;
-h|--help) sed -n '3,14s/^# \{0,1\}//p' "$0"; exit 0 ;;
-*) echo "kinit.sh: unknown option '$1' (--all or scenario names)" >&2; exit 2 ;;
"") names=("${default[@]}") ;;
esac
[ -r "$KINIT_BZIMAGE" ] ||
	skip "no kernel at $KINIT_BZIMAGE: run make -C tools/testing/selftests/kinit kernel (or run)"
command -v "${QEMU:-qemu-system-x86_64}" >/dev/null ||
	skip "${QEMU:-qemu-system-x86_64} not found: install QEMU"

log=$(mktemp "${TMPDIR:-/tmp}/kinit-ksft.XXXXXX")
trap 'rm -f "$log"' EXIT
"$here/tests/boot/run" "${names[@]}" | tee "$log"
rc=${PIPESTATUS[0]}
pass=$(grep -Ec '^ok [0-9]+ ' "$log")
skipped=$(grep -Ec '^ok [0-9]+ .*# SKIP' "$log")
fail=$(grep -Ec '^not ok [0-9]+ ' "$log")
pass=$((pass - skipped))
# a runner that failed without a "not ok" line still fails
[ "$rc" = 0 ] || [ "$fail" -gt 0 ] || fail=1
echo "# Totals: pass:$pass fail:$fail xfail:0 xpass:0 skip:$skipped error:0"
echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" = 0 ]
