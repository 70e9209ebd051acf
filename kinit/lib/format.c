// SPDX-License-Identifier: GPL-2.0
/*
 * format.c - kinit's snprintf(): klibc's vsnprintf() is a tenth of kinit,
 * for conversions (floats aside: %o, %p, %n, precisions of numbers, '#',
 * '+', ' ') no message of kinit uses.  This one does what they use.
 */
#include <stdarg.h>
#include <stddef.h>

#include "lib/compat.h"
#include "lib/format.h"

enum { F_LEFT = 1, F_ZERO = 2 };

struct out {
	char *buf;
	size_t size;
	size_t len;	/* what the whole text takes, written or not */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* @s[0..@n) in a field of @width; zeros go after a sign, as C has it */
static void field(struct out *o, const char *s, int n, int width, int flags)
{
	int fill = width - n;

	if (!(flags & F_LEFT)) {
		if (flags & F_ZERO) {
			if (*s == '-') {
				put(o, '-');
				s++;
				n--;
			}
			pad(o, '0', fill);
		} else {
			pad(o, ' ', fill);
		}
	}
	while (n-- > 0)
		put(o, *s++);
	if (flags & F_LEFT)
		pad(o, ' ', fill);
}

/*
 * The next integer argument, of the type @lng says (0 int, 1 long, 2 long
 * long), sign-extended; a caller that wants it unsigned cuts it back (an
 * unsigned argument read as its signed type: the same bits in every ABI
 * Linux has).  One function, so that each va_arg() is compiled once.
 */
static noinline long long int_arg(va_list *ap, int lng)
{
	if (lng > 1)
		return va_arg(*ap, long long);
	if (lng)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

/* digits or '*': a width or precision; -1 when there is none */
static int count(const char **fmt, va_list *ap)
{
	int n = -1;

	if (**fmt == '*') {
		(*fmt)++;
		return int_arg(ap, 0);
	}
	while (**fmt >= '0' && **fmt <= '9')
		n = (n < 0 ? 0 : n * 10) + *(*fmt)++ - '0';
	return n;
}

/**
 * kvsnprintf() - vsnprintf() for the conversions kinit uses
 * @buf:	output, always NUL-terminated when @size is not 0
 * @size:	of @buf; 0 writes nothing
 * @fmt:	the format: flags '-' and '0', a width (digits or '*'), a
 *		precision for %s ('.' and digits or '*'), length modifiers
 *		l, ll and z, conversions d i u x X c s %
 * @ap:		the arguments
 *
 * As C's vsnprintf() for that subset, with a NULL %s printed "(null)"
 * as glibc and klibc print it.  A conversion outside it is copied as it
 * stands, so a mistake shows in the message instead of eating arguments.
 *
 * Return: the length of the whole text, as if @size were unlimited;
 * the text was cut when that is @size or more.
 */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { .buf = buf, .size = size };
	char tmp[24], *const end = tmp + sizeof(tmp), *p;	/* 2^64: 20 digits */
	const char *s, *start;
	unsigned long long v;
	int flags, width, prec, lng, n, base;
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		start = fmt++;
		for (flags = 0;; fmt++) {
			if (*fmt == '-')
				flags |= F_LEFT;
			else if (*fmt == '0')
				flags |= F_ZERO;
			else
				break;
		}
		width = count(&fmt, &args);
		if (width < 0 && fmt[-1] == '*') {	/* "%*d" with a negative width */
			flags |= F_LEFT;
			width = -width;
		}
		prec = -1;
		if (*fmt == '.') {
			fmt++;
			prec = count(&fmt, &args);
			if (prec < 0 && fmt[-1] != '*')
				prec = 0;	/* "%.s": a precision of 0 */
		}
		lng = 0;
		while (*fmt == 'l' || *fmt == 'z') {	/* size_t: a long in Linux's ABIs */
			lng++;
			fmt++;
		}
		s = end;
		n = 0;
		base = 10;
		switch (*fmt) {
		case 's':
			s = va_arg(args, const char *);
			if (!s)
				s = "(null)";
			while ((prec < 0 || n < prec) && s[n])
				n++;
			flags &= ~F_ZERO;
			break;
		case 'c':
			tmp[0] = (char)int_arg(&args, 0);
			s = tmp;
			n = 1;
			flags &= ~F_ZERO;
			break;
		case 'x':
		case 'X':
			base = 16;
			__attribute__((fallthrough));
		case 'u':
		case 'd':
		case 'i':
			v = int_arg(&args, lng);
			if (*fmt != 'd' && *fmt != 'i') {
				if (lng == 0)
					v = (unsigned int)v;
				else if (lng == 1)
					v = (unsigned long)v;
			} else if ((long long)v < 0) {
				v = -v;
				n = 1;
			}
			p = end;
			do {
				*--p = "0123456789abcdef"[v % base] - (*fmt == 'X' && v % base > 9 ? 32 : 0);
				v /= base;
			} while (v);
			if (n)
				*--p = '-';
			s = p;
			n = end - p;
			break;
		case '%':
			put(&o, '%');
			continue;
		default:	/* not ours: as written */
			if (!*fmt)
				fmt--;
			s = start;
			n = fmt + 1 - start;
			width = 0;
			break;
		}
		field(&o, s, n, width, flags);
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

/**
 * ksnprintf() - snprintf() for the conversions kinit uses
 * @buf:	output, always NUL-terminated when @size is not 0
 * @size:	of @buf
 * @fmt:	the format, as for kvsnprintf()
 *
 * Return: the length of the whole text; it was cut when that is @size
 * or more.
 */
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
