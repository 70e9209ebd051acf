/* SPDX-License-Identifier: GPL-2.0 */
/*
 * log_stub.h - host unit tests of kinit files that log: log.c's entry
 * points as no-ops, so a test links without the kernel log; errstr()
 * is the real one; kinit_what() records into k->what (what_stub.h).
 */
#ifndef KINIT_TEST_LOG_STUB_H
#define KINIT_TEST_LOG_STUB_H

#include "lib/errstr.c"	/* pure: the real texts */
#include "what_stub.h"

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

#endif /* KINIT_TEST_LOG_STUB_H */
