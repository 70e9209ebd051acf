// SPDX-License-Identifier: GPL-2.0
/*
 * disktext.c - text read from disks is an attacker's input: identifiers
 * are checked against their format before they name anything, and all
 * of it is escaped before it reaches a prompt or a log line.
 */
#include <string.h>

#include "lib/util.h"

static int is_hex(int c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/**
 * uuid_valid() - is @s a UUID as LUKS stores it ("8-4-4-4-12" hex)?
 * @s:	text from a header
 *
 * Exactly 36 characters, '-' at offsets 8, 13, 18 and 23, hex digits
 * elsewhere: nothing else may reach a path such as /etc/kinit/keys/<uuid>
 * or a device-mapper name.
 *
 * Return: 1 when it is, else 0.
 */
int uuid_valid(const char *s)
{
	int i;

	for (i = 0; i < UUID_TEXT_LEN; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return 0;
		} else if (!is_hex((unsigned char)s[i])) {
			return 0;
		}
	}
	return !s[i];
}

/**
 * text_escape() - @in made safe for a terminal and a log line
 * @out:	receives the text, always NUL-terminated
 * @size:	of @out (TEXT_ESCAPE_MAX holds any label kinit reads)
 * @in:		text from a disk
 *
 * Control bytes (below 0x20 and 0x7f), bytes from 0x80 up (a console in
 * 8-bit mode takes 0x9b as the start of an escape sequence, and UTF-8
 * from a disk is not known to be valid), '\\' and '"' (so a quoted value
 * stays one value) become "\xNN".  An escape that does not fit is left
 * out whole: the output is cut, never a half "\x".
 *
 * Return: @out.
 */
const char *text_escape(char *out, size_t size, const char *in)
{
	size_t o = 0;

	if (!size)
		return out;
	for (; *in; in++) {
		unsigned char c = *in;

		if (c < 0x20 || c >= 0x7f || c == '\\' || c == '"') {
			if (o + 4 >= size)
				break;
			o += ksnprintf(out + o, size - o, "\\x%02x", c);
		} else {
			if (o + 1 >= size)
				break;
			out[o++] = c;
		}
	}
	out[o] = '\0';
	return out;
}
