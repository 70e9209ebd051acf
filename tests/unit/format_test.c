// SPDX-License-Identifier: GPL-2.0
/*
 * format_test.c - host unit tests for kinit/lib/format.c (linked by
 * tests/unit/run): every conversion, flag, width and length kinit's
 * formatter takes, the extremes of each type, cutting at every buffer
 * size, and what it does with a conversion it does not take.  Each case
 * is checked against the text written here and against the host libc.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "lib/compat.h"
#include "lib/format.h"
#include "lib/util.h"

#include "ktap.h"

static struct ktap t;

/* ksnprintf() and the libc give @want, and its length */
#define CASE(want, ...)	check_case(want, ksnprintf(buf, sizeof(buf), __VA_ARGS__), \
				   snprintf(ref, sizeof(ref), __VA_ARGS__), #__VA_ARGS__)

static char buf[128], ref[128];

static void check_case(const char *want, int n, int refn, const char *what)
{
	ktap_check(&t, !strcmp(buf, want) && !strcmp(ref, want) &&
		   n == (int)strlen(want) && refn == n,
		   "%s # got '%s' (%d), libc '%s' (%d), want '%s'", what, buf, n, ref,
		   refn, want);
}

/* conversions, flags, widths, lengths and their extremes */
static void conversions(void)
{
	const char *volatile null = NULL;	/* the compiler warns of a literal one */

	CASE("plain text", "plain text");
	CASE("", "%s", "");
	CASE("abc", "%s", "abc");
	CASE("  abc", "%5s", "abc");
	CASE("abc  |", "%-5s|", "abc");
	CASE("abcdef", "%2s", "abcdef");
	CASE("ab", "%.2s", "abcdef");
	CASE("", "%.0s", "abcdef");
	CASE("", "%.s", "abcdef");
	CASE("ab", "%.*s", 2, "abcdef");
	CASE("abcdef", "%.*s", -1, "abcdef");
	CASE("   ab", "%5.2s", "abcdef");
	CASE(" abc", "%*s", 4, "abc");
	CASE("abc |", "%*s|", -4, "abc");
	CASE("abc |", "%-*s|", 4, "abc");
	CASE("(null)", "%s", null);
	CASE("A", "%c", 'A');
	CASE("  A|A  ", "%3c|%-3c", 'A', 'A');
	CASE("0", "%d", 0);
	CASE("-1", "%i", -1);
	CASE("2147483647", "%d", INT_MAX);
	CASE("-2147483648", "%d", INT_MIN);
	CASE("  -42|-42  |-0042|00042", "%5d|%-5d|%05d|%05d", -42, -42, -42, 42);
	CASE("-0042|-42  ", "%0*d|%-*d", 5, -42, 5, -42);
	CASE("4294967295", "%u", UINT_MAX);
	CASE("9223372036854775807", "%ld", LONG_MAX);
	CASE("-9223372036854775808", "%ld", LONG_MIN);
	CASE("18446744073709551615", "%lu", ULONG_MAX);
	CASE("-9223372036854775808", "%lld", LLONG_MIN);
	CASE("18446744073709551615", "%llu", ULLONG_MAX);
	CASE("18446744073709551615", "%zu", SIZE_MAX);
	CASE("0", "%zu", (size_t)0);
	CASE("deadbeef", "%x", 0xdeadbeefU);
	CASE("DEADBEEF", "%X", 0xdeadbeefU);
	CASE("ffffffffffffffff", "%llx", ULLONG_MAX);
	CASE("05|ab|AB|00001234|0", "%02x|%02x|%02X|%08x|%x", 5U, 0xabU, 0xabU, 0x1234U, 0U);
	CASE("\\xff", "\\x%02x", 255U);
	CASE("100%", "100%%");
	CASE("a%b", "a%%%c", 'b');
	CASE("<3>kinit: x=7 /dev/vda1 (ext4)", "<%d>kinit: x=%u %s (%s)", 3, 7U, "/dev/vda1", "ext4");
}

/* a conversion it does not take is copied as written, eating no argument */
static void not_ours(void)
{
	static const char *const fmts[] = { "a%qb", "%#x", "%+d", "% d", "%p", "50%" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fmts); i++) {
		ksnprintf(buf, sizeof(buf), fmts[i], 1);
		KTAP_EQ_STR(&t, buf, fmts[i], fmts[i]);
	}
}

/* every buffer size: cut, NUL-terminated, the whole length returned */
static void truncation(void)
{
	const char *want = "vda1: -2147483648 ffff";
	char small[32];
	size_t size, len, bad = 0;
	int n;

	for (size = 1; size <= strlen(want) + 2; size++) {
		memset(small, '#', sizeof(small));
		n = ksnprintf(small, size, "%s: %d %x", "vda1", INT_MIN, 0xffffU);
		len = strlen(small);
		if (n != (int)strlen(want) || len != (size - 1 < (size_t)n ? size - 1 : (size_t)n) ||
		    strncmp(small, want, len) || small[size] != '#')
			bad++;
	}
	KTAP_EQ_INT(&t, bad, 0, "cut at every size, NUL-terminated, nothing past @size");
	memset(small, '#', sizeof(small));
	n = ksnprintf(small, 0, "%s", "abc");
	KTAP_EQ_INT(&t, n == 3 && small[0] == '#', 1, "size 0 writes nothing, returns the length");
	n = ksnprintf(NULL, 0, "%d", 12345);
	KTAP_EQ_INT(&t, n, 5, "size 0 with no buffer, as snprintf(NULL, 0)");
}

/* kvsnprintf() leaves the caller's va_list usable, as vsnprintf() does */
static int twice(char *a, char *b, size_t size, const char *fmt, ...) __printf(4, 5);
static int twice(char *a, char *b, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(a, size, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	n += kvsnprintf(b, size, fmt, ap);
	va_end(ap);
	return n;
}

int main(void)
{
	char a[16], b[16];
	int planned = 40 + 6 + 3 + 1;

	ktap_begin("format", planned);
	conversions();
	not_ours();
	truncation();
	ktap_check(&t, twice(a, b, sizeof(a), "%s-%d", "x", 9) == 6 && !strcmp(a, "x-9") &&
		   !strcmp(b, "x-9"), "kvsnprintf() with the caller's argument list, twice");
	return ktap_end(&t, planned);
}
