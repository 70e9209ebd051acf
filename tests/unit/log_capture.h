/* SPDX-License-Identifier: GPL-2.0 */
/*
 * log_capture.h - host unit tests that check what kinit logs: log.c's
 * entry points write into logged[] (one line each, counted in
 * log_lines), kinit_what() records into k->what as kinit.c's does, and
 * errstr() is the real one.  Include it after the code under test.
 */
#ifndef KINIT_TEST_LOG_CAPTURE_H
#define KINIT_TEST_LOG_CAPTURE_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lib/errstr.c"	/* pure: the real texts */
#include "what_stub.h"

static char logged[4096];
static int log_lines;

void log_line(struct kinit_log *log, int level, const char *fmt, ...)
{
	size_t o = strlen(logged);
	va_list ap;

	(void)log;
	(void)level;
	log_lines++;
	va_start(ap, fmt);
	vsnprintf(logged + o, sizeof(logged) - o, fmt, ap);
	va_end(ap);
	strncat(logged, "\n", sizeof(logged) - strlen(logged) - 1);
}

long long kinit_now_ms(void)
{
	return 0;
}

#endif /* KINIT_TEST_LOG_CAPTURE_H */
