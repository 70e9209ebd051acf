// SPDX-License-Identifier: GPL-2.0
/*
 * format_fuzz.c - libFuzzer target for kinit/lib/format.c (linked by
 * tests/fuzz/run): the input is a list of 16-byte recipes, each one
 * conversion of the subset kinit's formatter takes (flags '-' and '0', a
 * width and a %s precision, as digits or '*', the length modifiers l, ll
 * and z, d i u x X c s %) between literal text, with its argument and a
 * buffer size.  ksnprintf() must write what the host's snprintf() writes
 * and return the same length, within exactly sized buffers (ASan).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/format.h"
#include "lib/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)	do { if (!(c)) { fprintf(stderr, "CHECK failed: %s\n", #c); abort(); } } while (0)

enum { RECIPE = 16 };

static const char *const convs[] = {
	"d", "i", "u", "x", "X", "c", "s", "ld", "li", "lu", "lx", "lld", "llu", "llX", "zu", "zx", "%",
};

/* both formatters into exactly sized buffers; the same bytes and length */
#define BOTH(...) do {								\
	char *kb = size ? malloc(size) : NULL, *lb = size ? malloc(size) : NULL; \
	int kn = ksnprintf(kb, size, fmt, __VA_ARGS__);			\
	int ln = snprintf(lb, size, fmt, __VA_ARGS__);				\
	if (kn != ln || (size && memcmp(kb, lb, (size_t)ln < size ? (size_t)ln + 1 : size))) { \
		fprintf(stderr, "format \"%s\" size %zu: kinit %d '%.*s', libc %d '%.*s'\n", \
			fmt, size, kn, (int)size, kb ? kb : "", ln, (int)size, lb ? lb : ""); \
		abort();							\
	}									\
	free(kb);								\
	free(lb);								\
} while (0)

/* the argument list for the stars the format has, then the value */
#define STARS(...) do {								\
	if (wstar && pstar)							\
		BOTH(w, p, __VA_ARGS__);					\
	else if (wstar)								\
		BOTH(w, __VA_ARGS__);						\
	else if (pstar)								\
		BOTH(p, __VA_ARGS__);						\
	else									\
		BOTH(__VA_ARGS__);						\
} while (0)

static void one(const uint8_t *r, const char *text)
{
	const char *conv = convs[r[3] % ARRAY_SIZE(convs)];
	int num = !strchr("cs%", conv[0]), str = conv[0] == 's';
	int wstar = r[0] & 4, pstar = r[0] & 16;
	int w = (int8_t)r[1] % 48, p = (int8_t)r[2] % 48;
	unsigned long long v;
	size_t size = r[4] % 72, o = 0;
	char fmt[64];

	memcpy(&v, r + 8, sizeof(v));
	if (conv[0] == '%')	/* "%%" takes nothing else */
		wstar = pstar = 0;
	o += sprintf(fmt + o, "<%s", r[5] & 1 ? "ab" : "");
	fmt[o++] = '%';
	if (conv[0] != '%') {
		if (r[0] & 1)
			fmt[o++] = '-';
		if (r[0] & 2 && num)	/* '0' is for numbers */
			fmt[o++] = '0';
		if (wstar)
			fmt[o++] = '*';
		else if (r[0] & 8)
			o += sprintf(fmt + o, "%d", w < 0 ? -w : w);
		if (str && pstar) {
			fmt[o++] = '.';
			fmt[o++] = '*';
		} else if (str && r[0] & 32) {
			o += sprintf(fmt + o, ".%d", p < 0 ? -p : p);
		} else {
			pstar = 0;
		}
	}
	sprintf(fmt + o, "%s>%s", conv, r[5] & 2 ? "cd" : "");

	switch (conv[strlen(conv) - 1]) {
	case 'c':
		STARS((int)(char)v);
		break;
	case 's':
		STARS(text);
		break;
	case '%':
		BOTH(0);
		break;
	default:
		if (conv[0] == 'z')
			STARS((size_t)v);
		else if (conv[0] == 'l' && conv[1] == 'l')
			STARS(v);
		else if (conv[0] == 'l')
			STARS((unsigned long)v);
		else
			STARS((unsigned int)v);
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[32];
	size_t len;

	for (; size >= RECIPE; data += RECIPE, size -= RECIPE) {
		/* the %s argument: up to 24 bytes of the recipe, no NUL */
		len = data[6] % 25;
		memcpy(text, data + 7, len < 9 ? len : 9);
		if (len > 9)
			memset(text + 9, 'a' + len % 26, len - 9);
		text[len] = '\0';
		one(data, text);
	}
	return 0;
}
