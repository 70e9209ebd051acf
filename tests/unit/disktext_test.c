// SPDX-License-Identifier: GPL-2.0
/*
 * disktext_test.c - host unit tests for kinit/lib/disktext.c: the UUID
 * validator that guards key-file paths, and the escaper for disk text in
 * prompts and logs.
 */
#include "lib/disktext.c"

#include "ktap.h"

struct uuid_case {
	const char *s;
	int valid;
};

static const struct uuid_case uuid_cases[] = {
	{ "c7a1b2c3-0000-4000-8000-000000000002", 1 },
	{ "C7A1B2C3-ABCD-4000-8000-0000000000FF", 1 },
	{ "", 0 },
	{ "c7a1b2c3-0000-4000-8000-00000000000", 0 },		/* 35 */
	{ "c7a1b2c3-0000-4000-8000-0000000000023", 0 },		/* 37 */
	{ "c7a1b2c3-0000-4000-8000-00000000000g", 0 },
	{ "c7a1b2c300000-4000-8000-000000000002", 0 },		/* dash moved */
	{ "c7a1b2c3:0000:4000:8000:000000000002", 0 },
	{ "../../../../etc/shadow-0000000000000", 0 },
	{ "c7a1b2c3-0000-4000-8000-00000000/../", 0 },
	{ "c7a1b2c3-0000-4000-8000-0000000000\x1b[", 0 },
	{ "c7a1b2c3-0000-4000-8000-000000000002\n", 0 },
	{ "c7a1b2c3-0000-4000-8000-00000000000\xe2", 0 },
};

struct esc_case {
	const char *in, *out;
	size_t size;
};

static const struct esc_case esc_cases[] = {
	{ "root", "root", TEXT_ESCAPE_MAX },
	{ "my disk-1_A.B", "my disk-1_A.B", TEXT_ESCAPE_MAX },
	{ "", "", TEXT_ESCAPE_MAX },
	{ "a\x1b[2Jb", "a\\x1b[2Jb", TEXT_ESCAPE_MAX },
	{ "pass\rPassphrase for /dev/vda: ", "pass\\x0dPassphrase for /dev/vda: ", TEXT_ESCAPE_MAX },
	{ "x\ny\tz\x7f", "x\\x0ay\\x09z\\x7f", TEXT_ESCAPE_MAX },
	{ "\x9b" "31m", "\\x9b31m", TEXT_ESCAPE_MAX },			/* 8-bit CSI */
	{ "Donn\xc3\xa9" "es", "Donn\\xc3\\xa9es", TEXT_ESCAPE_MAX },
	{ "a\"b\\c", "a\\x22b\\x5cc", TEXT_ESCAPE_MAX },
	/* cut whole: never half an escape, always terminated */
	{ "abc", "ab", 3 },
	{ "a\x1b", "a", 5 },
	{ "a\x1b", "a\\x1b", 6 },
	{ "abc", "", 1 },
};

int main(void)
{
	struct ktap t = { 0 };
	int planned = ARRAY_SIZE(uuid_cases) + ARRAY_SIZE(esc_cases) + 2;
	char big[256], out[TEXT_ESCAPE_MAX];
	size_t i;

	ktap_begin("disktext", planned);
	for (i = 0; i < ARRAY_SIZE(uuid_cases); i++)
		ktap_check(&t, uuid_valid(uuid_cases[i].s) == uuid_cases[i].valid,
			   "uuid_valid %zu # want %d", i, uuid_cases[i].valid);
	for (i = 0; i < ARRAY_SIZE(esc_cases); i++) {
		char buf[TEXT_ESCAPE_MAX];

		text_escape(buf, esc_cases[i].size, esc_cases[i].in);
		ktap_check(&t, !strcmp(buf, esc_cases[i].out), "text_escape %zu # got '%s' want '%s'",
			   i, escaped(buf), escaped(esc_cases[i].out));
	}
	/* a whole label of control bytes fits TEXT_ESCAPE_MAX, and no more is written */
	memset(big, 0x01, 127);
	big[127] = '\0';
	text_escape(out, sizeof(out), big);	/* ASan sees any write past @out */
	KTAP_EQ_INT(&t, strlen(out), 4 * 127, "text_escape_whole_label");
	/* escaped() output has no byte a terminal acts on */
	for (i = 1; i < 256; i++)
		big[i - 1] = (char)i;
	big[255] = '\0';
	{
		const char *e = escaped(big);
		int clean = 1;

		for (; *e; e++)
			clean &= *e >= 0x20 && *e < 0x7f;
		KTAP_EQ_INT(&t, clean, 1, "escaped_all_bytes_printable");
	}
	return ktap_end(&t, planned);
}
