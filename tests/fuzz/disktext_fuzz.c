// SPDX-License-Identifier: GPL-2.0
/*
 * disktext_fuzz.c - libFuzzer target: the input is text from a disk (a
 * LUKS header's UUID field, a label).  uuid_valid() accepts only the
 * 8-4-4-4-12 hex form; text_escape() writes only printable ASCII, within
 * its buffer, whatever its size.
 */
#include <stdint.h>
#include <stdlib.h>

#include "lib/disktext.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char in[160], *out;
	size_t n = size < sizeof(in) - 1 ? size : sizeof(in) - 1, cap, i;

	memcpy(in, data, n);
	in[n] = '\0';
	n = strlen(in);		/* the text ends at its first NUL, as on disk */
	if (uuid_valid(in)) {
		if (strlen(in) != UUID_TEXT_LEN)
			__builtin_trap();
		for (i = 0; i < UUID_TEXT_LEN; i++)
			if (!(i == 8 || i == 13 || i == 18 || i == 23 ? in[i] == '-' : hex(in[i])))
				__builtin_trap();
	}
	/* every buffer size from 1 up: exactly sized, so ASan sees overruns */
	for (cap = 1; cap <= 4 * n + 1; cap += cap < 16 ? 1 : 13) {
		out = malloc(cap);
		if (!out)
			return 0;
		text_escape(out, cap, in);
		if (strlen(out) >= cap)
			__builtin_trap();
		for (i = 0; out[i]; i++)
			if (out[i] < 0x20 || out[i] >= 0x7f || out[i] == '"')
				__builtin_trap();
		if (cap == 4 * n + 1 && strlen(out) < n)	/* big enough: nothing cut */
			__builtin_trap();
		free(out);
	}
	return 0;
}
