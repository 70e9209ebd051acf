/* SPDX-License-Identifier: GPL-2.0 */
/*
 * what_stub.h - kinit.c's kinit_what() for host unit tests, which do not
 * link kinit.c: it records what a step failed on in k->what, as kinit
 * does.  Included by log_stub.h and log_capture.h.
 */
#ifndef KINIT_TEST_WHAT_STUB_H
#define KINIT_TEST_WHAT_STUB_H

#include <stdarg.h>
#include <stdio.h>

int kinit_what(struct kinit *k, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(k->what, sizeof(k->what), fmt, ap);
	va_end(ap);
	return err;
}

#endif /* KINIT_TEST_WHAT_STUB_H */
