// SPDX-License-Identifier: GPL-2.0
/*
 * prompt_fuzz.c - libFuzzer target for the rescue shell password's line
 * editing (kinit/auth/prompt.c): any bytes typed, the line stays within
 * its buffer, terminated, free of NUL, and equal to what a plain model of
 * the editing keys (a byte string with backspace, ^U, CR/LF) gives.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "auth/prompt.c"

#define CHECK(c)	do { if (!(c)) { fprintf(stderr, "CHECK failed: %s\n", #c); abort(); } } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct line_edit e;
	/* the model: every byte kept, however many */
	static char model[1 << 16];
	size_t i, mlen = 0, keep;

	line_reset(&e);
	for (i = 0; i < size; i++) {
		uint8_t c = data[i];
		int done = line_feed(&e, c) == LINE_DONE;

		CHECK(e.len <= PASSWORD_MAX && e.buf[e.len] == '\0' && strlen(e.buf) == e.len);
		if (c == '\r' || c == '\n') {
			CHECK(done);
			/* the next line starts afresh, as the next try does */
			line_reset(&e);
			mlen = 0;
			continue;
		}
		CHECK(!done);
		if (c == '\b' || c == 0x7f)
			mlen -= mlen > 0;
		else if (c == 0x15)
			mlen = 0;
		else if (c && mlen < sizeof(model))
			model[mlen++] = (char)c;
		keep = mlen < PASSWORD_MAX ? mlen : PASSWORD_MAX;
		CHECK(e.len == keep && e.dropped == mlen - keep && !memcmp(e.buf, model, keep));
	}
	return 0;
}
