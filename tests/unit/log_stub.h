/* SPDX-License-Identifier: GPL-2.0 */
/*
 * log_stub.h - host unit tests of kinit files that log: log.c's entry
 * points as no-ops, so a test links without the kernel log; errstr()
 * is the real one.  kinit_what() (kinit.c's) keeps what a step failed on,
 * as kinit does, for a test that wants to read k->what.
 */
#ifndef KINIT_TEST_LOG_STUB_H
#define KINIT_TEST_LOG_STUB_H

#include <stdarg.h>
#include <stdio.h>

#include "lib/errstr.c"	/* pure: the real texts */

long long kinit_now_ms(void)
{
	return 0;
}

void log_line(struct kinit_log *log, int level, const char *fmt, ...)
{
	(void)log;
	(void)level;
	(void)fmt;
}

int kinit_what(struct kinit *k, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(k->what, sizeof(k->what), fmt, ap);
	va_end(ap);
	return err;
}

#endif /* KINIT_TEST_LOG_STUB_H */
