/* SPDX-License-Identifier: GPL-2.0 */
/*
 * format.h - kinit's own snprintf(): the conversions kinit's messages
 * use, in a fraction of the size of klibc's vsnprintf().
 */
#ifndef KINIT_LIB_FORMAT_H
#define KINIT_LIB_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/*
 * The subset, as C has it: flags '-' and '0', a width (digits or '*'),
 * a precision for %s only ('.' and digits or '*'), the length modifiers
 * l, ll and z, and the conversions d i u x X c s %.  tests/style rejects
 * any other conversion in kinit's sources.  Self-contained (lib/util.h
 * includes it, and usr/'s generator includes that): no __printf().
 */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* KINIT_LIB_FORMAT_H */
