/* SPDX-License-Identifier: GPL-2.0 */
/*
 * util.h - the small helpers every part of kinit uses: array sizes, the
 * C locale's ctype, UUID comparison, one-line files, error texts, text
 * from disks checked and escaped.  Each exists once, here; usr/ (the
 * image generator) shares ARRAY_SIZE.
 */
#ifndef KINIT_LIB_UTIL_H
#define KINIT_LIB_UTIL_H

#include <stddef.h>

#include "format.h"	/* from here: usr/ includes this file too */

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#endif

/* Our own ctype: the C locale's, whatever the libc, and no sign trouble. */
static inline int is_space(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* util.c */
int uuid_eq(const char *a, const char *b);
int read_text(char *buf, size_t size, const char *fmt, const char *arg);

/* disktext.c: identifiers from disks checked, any text from disks escaped */
#define UUID_TEXT_LEN	36	/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" */
#define TEXT_ESCAPE_MAX	(4 * 128 + 1)	/* a PROBE_LABEL_MAX label, all escaped */
int uuid_valid(const char *s);
const char *text_escape(char *out, size_t size, const char *in);
/* like errstr(): the buffer lives as long as the caller's block */
#define escaped(s)	text_escape((char[TEXT_ESCAPE_MAX]) { 0 }, TEXT_ESCAPE_MAX, (s))

/* errstr.c: strerror() for the errors kinit meets, "error N" for others */
#define ERRSTR_MAX	24	/* "error -2147483648" */
const char *errstr_buf(int err, char *buf, size_t size);
/* the buffer is a compound literal: it lives as long as the caller's block */
#define errstr(err)	errstr_buf((err), (char[ERRSTR_MAX]) { 0 }, ERRSTR_MAX)

#endif /* KINIT_LIB_UTIL_H */
