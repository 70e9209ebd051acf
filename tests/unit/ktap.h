/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktap.h - a minimal KTAP producer for host unit tests, in the spirit of
 * nolibc-test: each check prints one "ok"/"not ok" line with its name.
 */
#ifndef KINIT_TEST_KTAP_H
#define KINIT_TEST_KTAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct ktap {
	int n, failed, skipped;
};

static inline void ktap_begin(const char *suite, int planned)
{
	printf("KTAP version 1\n# suite: %s\n1..%d\n", suite, planned);
}

/* Report one test point; @ok is the verdict, the name is printf-style. */
static inline __attribute__((format(printf, 3, 4)))
int ktap_check(struct ktap *t, int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s %d ", ok ? "ok" : "not ok", ++t->n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!ok)
		t->failed++;
	return ok;
}

static inline void ktap_skip(struct ktap *t, const char *name, const char *why)
{
	printf("ok %d %s # SKIP %s\n", ++t->n, name, why);
	t->skipped++;
}

/* Print the plan check and return the process exit status. */
static inline int ktap_end(struct ktap *t, int planned)
{
	if (planned != t->n) {
		printf("# planned %d tests but ran %d\n", planned, t->n);
		return 1;
	}
	return t->failed ? 1 : 0;
}

#define KTAP_EQ_INT(t, got, want, name) \
	ktap_check(t, (long)(got) == (long)(want), "%s # got %ld want %ld", \
		   name, (long)(got), (long)(want))
#define KTAP_EQ_STR(t, got, want, name) \
	ktap_check(t, strcmp((got), (want)) == 0, "%s # got '%s' want '%s'", \
		   name, (got), (want))

#endif /* KINIT_TEST_KTAP_H */
